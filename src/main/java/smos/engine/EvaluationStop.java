package smos.engine;

import org.kie.api.runtime.KieSession;

/**
 * Lets one thread stop the evaluations another thread runs: the publishing gate gives its scenario
 * runs a time limit, and a version whose scenarios run past it must not keep a thread busy. Once
 * stopped, the session firing now is halted (Drools stops between two rule firings) and every later
 * stage or evaluation on that thread ends at once with {@link Stopped}. A consequence that blocks is
 * left to the interrupt the caller sends with {@link #stop()}.
 *
 * <p>Evaluations on a thread without a stop installed (every decision served) pay one thread-local read
 * per stage.
 */
public final class EvaluationStop {
    private static final ThreadLocal<EvaluationStop> CURRENT = new ThreadLocal<>();

    private volatile boolean stopped;
    private volatile KieSession firing;

    /** Evaluations on the current thread obey {@code stop} until {@link #clear()}. */
    public static void install(EvaluationStop stop) {
        CURRENT.set(stop);
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Stops the evaluations of the thread this was installed on; safe from any thread. */
    public void stop() {
        stopped = true;
        KieSession session = firing;
        if (session != null) {
            session.halt();
        }
    }

    public boolean stopped() {
        return stopped;
    }

    /** Fires the session's rules, at most {@code max}, unless the current thread's evaluations were stopped. */
    static int fire(KieSession session, int max) {
        EvaluationStop stop = CURRENT.get();
        if (stop == null) {
            return session.fireAllRules(max);
        }
        stop.firing = session;
        try {
            // checked after publishing the session: a stop() either sees it and halts it, or is seen here
            if (stop.stopped) {
                throw new Stopped();
            }
            int fired = session.fireAllRules(max);
            if (stop.stopped) {
                throw new Stopped(); // halted part-way: what fired is no decision
            }
            return fired;
        } finally {
            stop.firing = null;
        }
    }

    /** The evaluation was stopped from outside (its time ran out); its result is of no use to anyone. */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("the evaluation was stopped: its time limit ran out");
        }
    }
}
