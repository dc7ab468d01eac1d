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
    /**
     * A safety net against rules that re-trigger each other, scaled by the request: a stage may fire
     * this many times per fact inserted (plus one, for the facts a rule inserts itself). Rules that do
     * not loop fire once per fact, or per pair of facts they join, that they match; the shipped
     * stages fire at most a few rules per fact, so a factor this far above lets every request the
     * contract accepts decide, however long its lists, while a loop is still stopped after a bounded
     * amount of work. Engine configuration, not policy: it says nothing about what is decided.
     */
    static final int FIRINGS_PER_FACT = 100;

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
        int limit = firingLimit(facts.size());
        for (int i = 0; i < stages.size(); i++) {
            if (i > 0) {
                for (Object fact : evaluation.refreshedBefore(stages.get(i))) {
                    session.update(session.getFactHandle(fact), fact);
                }
            }
            session.getAgenda().getAgendaGroup(stages.get(i)).setFocus();
            int fired = EvaluationStop.fire(session, limit);
            if (fired >= limit) {
                throw new RuleLoopException("the rules of " + domain.id() + " fired " + fired
                        + " times in stage " + stages.get(i) + " for " + facts.size() + " facts and were stopped");
            }
        }
        D decision = evaluation.decision().get();
        return new Decided<>(decision, ruleSet.version(), pooled.trace.snapshot());
    }

    /** The firings a stage may make for a request of this many facts; see {@link #FIRINGS_PER_FACT}. */
    static int firingLimit(int facts) {
        return (int) Math.min(Integer.MAX_VALUE, (long) FIRINGS_PER_FACT * (facts + 1L));
    }
}
