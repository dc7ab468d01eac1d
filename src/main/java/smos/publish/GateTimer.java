package smos.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.engine.EvaluationStop;
import smos.engine.RuleProblem;
import smos.engine.ScenarioFailure;
import smos.scenarios.ScenarioLoader;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The gate's time limit. The gate runs on a thread of its own; a version whose checks and scenarios are
 * still running when the limit passes is refused, and its evaluation is stopped (the session halted,
 * the thread interrupted) so that it does not keep a core busy. The domain's lock is released with the
 * refusal, so a change queued behind a slow version waits at most this long.
 */
final class GateTimer {
    private static final Logger LOG = LoggerFactory.getLogger(GateTimer.class);
    static final Duration DEFAULT_LIMIT = Duration.ofSeconds(60);

    private final Duration limit;

    GateTimer(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the gate's time limit must be positive, not " + limit);
        }
        this.limit = limit;
    }

    Duration limit() {
        return limit;
    }

    Gate.Verdict check(String domain, Supplier<Gate.Verdict> gate) {
        EvaluationStop stop = new EvaluationStop();
        CompletableFuture<Gate.Verdict> verdict = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            EvaluationStop.install(stop);
            try {
                verdict.complete(gate.get());
            } catch (Throwable e) {
                verdict.completeExceptionally(e);
            } finally {
                EvaluationStop.clear();
            }
        }, "smos-gate-" + domain);
        worker.setDaemon(true); // a consequence that never returns must not keep the JVM from exiting
        worker.start();
        try {
            return verdict.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop.stop();
            worker.interrupt();
            LOG.warn("domain {}: the gate ran past its time limit of {} ms; the version was refused and its evaluation stopped",
                    domain, limit.toMillis());
            throw refused(domain);
        } catch (InterruptedException e) {
            stop.stop();
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw refused(domain);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private ChangeRejectedException refused(String domain) {
        String problem = "the compile, checks and scenarios of this version ran past the gate's time limit of "
                + describe(limit) + " (--gate-timeout) and were stopped";
        return new ChangeRejectedException("the new version of " + domain + " was not published: " + problem
                + "; nothing changed", List.of(RuleProblem.inFile(ScenarioLoader.SCENARIOS_DIR + "/" + domain, problem)),
                List.<ScenarioFailure>of());
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
