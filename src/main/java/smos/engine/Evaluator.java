package smos.engine;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.List;
import java.util.Map;

/**
 * Runs one request through a compiled rule set: inserts the facts, fires each stage (agenda group)
 * in the domain's order, and records every rule that fired. Between stages the facts are updated,
 * so a later stage sees what an earlier one decided. Sessions come from the version's pool and go
 * back empty; thread-safe.
 */
public final class Evaluator {
    /** A safety net against rules that re-trigger each other; no decision needs nearly this many. */
    private static final int MAX_FIRINGS_PER_STAGE = 10_000;

    private Evaluator() {
    }

    public static <Q, D> Decided<D> evaluate(CompiledRuleSet ruleSet, DecisionDomain<Q, D> domain, Q request) {
        Evaluation<D> evaluation = domain.prepare(request);
        SessionPool pool = ruleSet.sessions();
        SessionPool.PooledSession pooled = pool.take(ruleSet);
        boolean clean = false;
        try {
            Decided<D> decided = run(pooled, ruleSet, domain, evaluation);
            clean = true;
            return decided;
        } finally {
            if (clean) {
                pool.giveBack(pooled);
            } else {
                pool.discard(pooled);
            }
        }
    }

    private static <D> Decided<D> run(SessionPool.PooledSession pooled, CompiledRuleSet ruleSet,
                                      DecisionDomain<?, D> domain, Evaluation<D> evaluation) {
        KieSession session = pooled.session;
        for (Map.Entry<String, Object> global : evaluation.globals().entrySet()) {
            session.setGlobal(global.getKey(), global.getValue());
        }
        List<Object> facts = evaluation.facts();
        FactHandle[] handles = new FactHandle[facts.size()];
        for (int f = 0; f < handles.length; f++) {
            handles[f] = session.insert(facts.get(f));
        }
        List<String> stages = domain.stages();
        for (int i = 0; i < stages.size(); i++) {
            if (i > 0) {
                for (Object fact : evaluation.refreshedBefore(stages.get(i))) {
                    session.update(session.getFactHandle(fact), fact);
                }
            }
            session.getAgenda().getAgendaGroup(stages.get(i)).setFocus();
            int fired = session.fireAllRules(MAX_FIRINGS_PER_STAGE);
            if (fired >= MAX_FIRINGS_PER_STAGE) {
                throw new RuleLoopException("the rules of " + domain.id() + " fired " + fired
                        + " times in stage " + stages.get(i) + " and were stopped");
            }
        }
        D decision = evaluation.decision().get();
        return new Decided<>(decision, ruleSet.version(), pooled.trace.snapshot());
    }
}
