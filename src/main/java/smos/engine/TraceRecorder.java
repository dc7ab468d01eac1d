package smos.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.List;

/** Records each fired rule with where it was written; one per session, cleared between evaluations. */
final class TraceRecorder extends DefaultAgendaEventListener {
    private final CompiledRuleSet ruleSet;
    private final List<FiredRule> fired = new ArrayList<>();

    TraceRecorder(CompiledRuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        fired.add(ruleSet.firedRule(event.getMatch().getRule().getName()));
    }

    List<FiredRule> snapshot() {
        return List.copyOf(fired);
    }

    void clear() {
        fired.clear();
    }
}
