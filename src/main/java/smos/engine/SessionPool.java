package smos.engine;

import org.drools.base.base.ClassObjectType;
import org.drools.base.InitialFact;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Reuses rule sessions of one compiled version: creating a session costs about a third of a small
 * decision. A session is taken by one evaluation at a time and comes back empty (every fact deleted);
 * a session that failed mid-way is disposed instead. At most {@code limit} idle sessions are kept.
 * Knowledge bases with rules on the initial fact (which fire once per session) are not pooled.
 *
 * <p>A session is disposed after {@value #USES} decisions: Drools 10.2 keeps, in a reused session, the
 * matches an activation group cancelled (a first-match table's losing rows), even after their facts
 * are deleted (measured: about 560 bytes per decision of the returns domain). Recycling bounds that.
 */
final class SessionPool {
    private final KieBase kieBase;
    private final int limit;
    /** Rules without a leading pattern (empty LHS, not, exists) hang on the session's initial fact. */
    private final boolean needsInitialFact;
    private final ConcurrentLinkedDeque<PooledSession> idle = new ConcurrentLinkedDeque<>();

    SessionPool(KieBase kieBase, int limit) {
        this.kieBase = kieBase;
        this.limit = limit;
        this.needsInitialFact = dependsOnInitialFact(kieBase);
    }

    /**
     * Deleting every fact leaves a session as good as new, except for rules that match the initial
     * fact: they fire once per session. A knowledge base with such rules gets a new session each time.
     */
    private static boolean dependsOnInitialFact(KieBase kieBase) {
        for (ObjectTypeNode node : ((InternalKnowledgeBase) kieBase).getRete().getObjectTypeNodes()) {
            if (node.getObjectType() instanceof ClassObjectType type
                    && InitialFact.class.isAssignableFrom(type.getClassType())
                    && node.getObjectSinkPropagator().size() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Decisions a session makes before it is disposed; see the class comment. */
    static final int USES = 100;

    /** A session with its own trace recorder, for one evaluation. */
    static final class PooledSession {
        final KieSession session;
        final TraceRecorder trace;
        int uses;

        PooledSession(KieSession session, TraceRecorder trace) {
            this.session = session;
            this.trace = trace;
        }
    }

    boolean reusable() {
        return !needsInitialFact;
    }

    PooledSession take(CompiledRuleSet ruleSet) {
        PooledSession pooled = needsInitialFact ? null : idle.pollFirst();
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
        if (needsInitialFact || ++pooled.uses >= USES) {
            session.dispose();
            return;
        }
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
