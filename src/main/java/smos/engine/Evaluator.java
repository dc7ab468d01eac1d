package smos.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one request through a compiled rule set: inserts the facts, fires each stage (agenda group)
 * in the domain's order, and records every rule that fired. Between stages the facts are updated,
 * so a later stage sees what an earlier one decided. Each call has its own session: thread-safe.
 */
public final class Evaluator {
    /** A safety net against rules that re-trigger each other; no decision needs nearly this many. */
    private static final int MAX_FIRINGS_PER_STAGE = 10_000;

    private Evaluator() {
    }

    public static <Q, D> Decided<D> evaluate(CompiledRuleSet ruleSet, DecisionDomain<Q, D> domain, Q request) {
        Evaluation<D> evaluation = domain.prepare(request);
        KieSession session = ruleSet.kieBase().newKieSession();
        try {
            Trace trace = new Trace(ruleSet);
            session.addEventListener(trace);
            for (Map.Entry<String, Object> global : evaluation.globals().entrySet()) {
                session.setGlobal(global.getKey(), global.getValue());
            }
            List<FactHandle> handles = new ArrayList<>(evaluation.facts().size());
            for (Object fact : evaluation.facts()) {
                handles.add(session.insert(fact));
            }
            List<String> stages = domain.stages();
            for (int i = 0; i < stages.size(); i++) {
                if (i > 0) {
                    for (int f = 0; f < handles.size(); f++) {
                        session.update(handles.get(f), evaluation.facts().get(f));
                    }
                }
                session.getAgenda().getAgendaGroup(stages.get(i)).setFocus();
                int fired = session.fireAllRules(MAX_FIRINGS_PER_STAGE);
                if (fired >= MAX_FIRINGS_PER_STAGE) {
                    throw new RuleLoopException("the rules of " + domain.id() + " fired " + fired
                            + " times in stage " + stages.get(i) + " and were stopped");
                }
            }
            return new Decided<>(evaluation.decision().get(), ruleSet.version(), List.copyOf(trace.fired));
        } finally {
            session.dispose();
        }
    }

    /** Records each fired rule with where it was written. */
    private static final class Trace extends DefaultAgendaEventListener {
        private final CompiledRuleSet ruleSet;
        private final List<FiredRule> fired = new ArrayList<>();

        Trace(CompiledRuleSet ruleSet) {
            this.ruleSet = ruleSet;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            String name = event.getMatch().getRule().getName();
            RuleOrigin origin = ruleSet.origin(name);
            fired.add(origin == null ? new FiredRule(name, null, null)
                    : new FiredRule(name, origin.source(), origin.location()));
        }
    }
}
