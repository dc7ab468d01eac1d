package smos.api;

import io.javalin.config.RoutesConfig;
import smos.audit.AuditLog;
import smos.audit.DecisionRecorder;
import smos.publish.RuleSetManager;
import smos.service.DecisionService;
import smos.service.Health;
import smos.service.Readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three health endpoints, open even when reads are protected: {@code /health} (the service's
 * state, always 200), {@code /health/live} (the process answers: a supervisor restarts it when this
 * fails) and {@code /health/ready} (200 when it should be sent traffic, 503 with the reasons when not:
 * a load balancer takes it out of rotation).
 */
final class HealthRoutes {
    static final String HEALTH = "/health";
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";

    private final DecisionService service;
    private final RuleSetManager manager;
    private final DecisionRecorder recorder;
    private final Stopping stopping;

    HealthRoutes(DecisionService service, RuleSetManager manager, DecisionRecorder recorder, Stopping stopping) {
        this.service = service;
        this.manager = manager;
        this.recorder = recorder;
        this.stopping = stopping;
    }

    static boolean open(String path) {
        return path.equals(HEALTH) || path.equals(LIVE) || path.equals(READY);
    }

    void install(RoutesConfig routes) {
        routes.get(HEALTH, ctx -> ApiServer.writeJson(ctx, 200, health()));
        routes.get(LIVE, ctx -> ApiServer.writeJson(ctx, 200, Map.of("status", "LIVE")));
        routes.get(READY, ctx -> {
            Readiness readiness = readiness();
            ApiServer.writeJson(ctx, readiness.ready() ? 200 : 503, readiness);
        });
    }

    /**
     * The domains' health, degraded when the decision log cannot be written or the rule store cannot be
     * reached (the versions received last serve, changes are refused).
     */
    private Health health() {
        Health health = service.health();
        if (recorder.enabled()) {
            AuditLog.AuditHealth audit = recorder.log().health();
            if (!audit.ok()) {
                health = health.degraded("the decision log cannot be written: " + audit.reason()
                        + (recorder.required() ? "; decisions are refused until it can" : "; decisions are served unrecorded"));
            }
        }
        if (manager != null) {
            Health known = health;
            health = manager.store().unavailable().map(reason -> known.degraded("the rule store cannot be reached: "
                    + reason + "; the versions received last serve, publishing and rollback are refused until it returns"))
                    .orElse(known);
        }
        return health;
    }

    /**
     * Not ready while the server drains before it stops, or when a configured database does not answer:
     * each is asked now, since a probe must see an outage before the first write fails.
     */
    private Readiness readiness() {
        List<String> notReady = new ArrayList<>();
        if (stopping.draining()) {
            notReady.add("the server is stopping: send new requests elsewhere");
        }
        if (manager != null) {
            manager.store().unavailable().ifPresent(reason -> notReady.add("the rule store cannot be reached: " + reason));
        }
        if (recorder.enabled()) {
            AuditLog.AuditHealth audit = recorder.log().probe();
            if (!audit.ok()) {
                notReady.add("the decision log's database cannot be reached: " + audit.reason());
            }
        }
        return Readiness.of(service.health(), notReady);
    }
}
