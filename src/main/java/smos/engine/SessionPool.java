package smos.engine;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Reuses rule sessions of one compiled version: creating a session costs about as much as a small
 * decision. A session is taken by one evaluation at a time and comes back empty (every fact deleted);
 * a session that failed mid-way is disposed instead. At most {@code limit} idle sessions are kept.
 */
final class SessionPool {
    private final KieBase kieBase;
    private final int limit;
    private final ConcurrentLinkedDeque<PooledSession> idle = new ConcurrentLinkedDeque<>();

    SessionPool(KieBase kieBase, int limit) {
        this.kieBase = kieBase;
        this.limit = limit;
    }

    /** A session with its own trace recorder, for one evaluation. */
    static final class PooledSession {
        final KieSession session;
        final TraceRecorder trace;

        PooledSession(KieSession session, TraceRecorder trace) {
            this.session = session;
            this.trace = trace;
        }
    }

    PooledSession take(CompiledRuleSet ruleSet) {
        PooledSession pooled = idle.pollFirst();
        if (pooled == null) {
            KieSession session = kieBase.newKieSession();
            TraceRecorder trace = new TraceRecorder(ruleSet);
            session.addEventListener(trace);
            pooled = new PooledSession(session, trace);
        }
        return pooled;
    }

    /** Empties the session and keeps it for the next evaluation. */
    void giveBack(PooledSession pooled) {
        KieSession session = pooled.session;
        // copy first: deleting while iterating the session's own handle view is not allowed
        for (FactHandle handle : new ArrayList<FactHandle>(session.getFactHandles())) {
            session.delete(handle);
        }
        pooled.trace.clear();
        if (idle.size() < limit) {
            idle.addFirst(pooled);
        } else {
            session.dispose();
        }
    }

    void discard(PooledSession pooled) {
        pooled.session.dispose();
    }
}
