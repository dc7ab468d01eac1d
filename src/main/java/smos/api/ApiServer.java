package smos.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.audit.AuditServices;
import smos.audit.DecisionRecorder;
import smos.common.RequestIds;
import smos.failure.Failure;
import smos.failure.FailureKind;
import smos.failure.RequestTimeoutException;
import smos.publish.RuleSetManager;
import smos.request.Json;
import smos.service.BatchDecisions;
import smos.service.DecisionService;
import smos.service.Metrics;

import java.io.IOException;

/**
 * Builds the HTTP application (README, "HTTP API (v1)"). Handlers are thin: read, call the
 * {@link DecisionService}, write JSON. Every error goes through one mapping to problem+json.
 */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String JSON = "application/json";
    private static final String DECISION = "/api/v1/decisions/{domain}";
    private static final String STARTED = "smos.started";
    /** Every answer names its request; for a decision the id is also its {@code decisionId}. */
    static final String REQUEST_ID_HEADER = "X-Request-Id";

    private ApiServer() {
    }

    /** The application, not yet started: tests start it on a free port, {@code serve} on the configured one. */
    public static Javalin create(DecisionService service, ApiSettings settings) {
        return create(service, null, new Metrics(), settings);
    }

    /** With a rule-set manager, the publishing, history and rollback endpoints are served too. */
    public static Javalin create(DecisionService service, RuleSetManager manager, Metrics metrics, ApiSettings settings) {
        return create(service, manager, metrics, AuditServices.off(metrics), settings);
    }

    /** With a decision recorder, decisions are put on record before they are answered, and the log can be read. */
    public static Javalin create(DecisionService service, RuleSetManager manager, Metrics metrics,
                                 AuditServices audit, ApiSettings settings) {
        DecisionRecorder recorder = audit.recorder();
        int batchThreads = Runtime.getRuntime().availableProcessors();
        java.util.concurrent.ExecutorService batchWorkers = BatchDecisions.workerPool(batchThreads);
        BatchRoute batch = new BatchRoute(service, new BatchDecisions(service, metrics, batchWorkers, batchThreads),
                recorder, settings);
        BodyReader decisionBodies = BodyReader.decisionRequest(settings);
        DecisionRoute decision = new DecisionRoute(service, recorder, decisionBodies, settings);
        ContractRoutes contract = new ContractRoutes(service.registry().domains());
        return Javalin.create(config -> {
            config.events.serverStopped(batchWorkers::shutdown);
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            if (settings.threads() > 0) {
                config.jetty.threadPool = new org.eclipse.jetty.util.thread.QueuedThreadPool(settings.threads(),
                        Math.min(settings.threads(), 4));
            }
            ClientProtection.install(config, settings.clients());
            config.jetty.multipartConfig.maxFileSize(settings.maxPublishBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxPublishBytes(), SizeUnit.BYTES);
            config.routes.before(ctx -> {
                String requestId = RequestIds.next();
                ctx.attribute(Problems.REQUEST_ID, requestId);
                ctx.header(REQUEST_ID_HEADER, requestId);
                if (settings.stopping().draining()) {
                    ctx.header("Connection", "close"); // Jetty closes the connection once this answer is sent
                }
            });
            if (settings.protectReads()) {
                config.routes.before(ctx -> {
                    if (!HealthRoutes.open(ctx.path()) && !ctx.path().equals("/metrics")
                            && !ContractRoutes.open(ctx.path()) && !smos.console.Console.owns(ctx.path())) {
                        Access.caller(ctx, settings.tokens()); // any role reads: viewer, editor, publisher
                    }
                });
            }
            config.routes.before(DECISION, ctx -> ctx.attribute(STARTED, System.nanoTime()));
            config.routes.post(DECISION, decision::handle);
            config.routes.after(DECISION, ctx -> {
                Long started = ctx.attribute(STARTED);
                String domain = ctx.pathParam("domain");
                if (started != null && service.domainIds().contains(domain)) {
                    metrics.decision(domain, ctx.statusCode(), System.nanoTime() - started);
                }
            });
            config.routes.post(DECISION + "/batch", batch::handle);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.prometheus()));
            if (settings.echoEndpoint()) {
                config.routes.post("/api/v1/echo", ctx -> writeBytes(ctx, 200, JSON, decisionBodies.json(ctx)));
            }
            config.routes.get("/api/v1/domains", ctx -> writeJson(ctx, 200, service.domains()));
            ScenarioRunRoute scenarioRuns = new ScenarioRunRoute(service, settings);
            config.routes.post(ScenarioRunRoute.PATH, scenarioRuns::handle);
            config.routes.get("/api/v1/rulesets", ctx -> writeJson(ctx, 200, service.rulesets()));
            new HealthRoutes(service, manager, recorder, settings.stopping()).install(config.routes);
            new AuditRoutes(audit, settings).install(config.routes);
            // one set of impact runs for the API and the console, so a domain has at most one run either way
            smos.impact.ImpactJobs impact = manager != null && recorder.enabled()
                    ? new smos.impact.ImpactJobs(service, recorder.log(), smos.impact.CandidateChanges.of(manager)) : null;
            if (impact != null) {
                config.events.serverStopped(impact::close);
            }
            // the console signs people in with the same tokens, then checks its own session cookie
            new smos.console.Console(service, manager, settings.tokens()::caller, settings.tokens().enabled(),
                    settings.protectReads(), audit, impact).install(config.routes);
            if (manager != null) {
                new PublishRoutes(manager, settings).install(config.routes);
                new ImpactRoutes(impact, manager, settings).install(config.routes);
            }
            contract.install(config.routes);
            installProblemMapping(config.routes);
        });
    }

    private static void installProblemMapping(io.javalin.config.RoutesConfig routes) {
        routes.exception(Failure.class, (e, ctx) -> {
            if (e.kind() == FailureKind.RULES_DEFECT) {
                LOG.error("rules defect on {} (request {}): {}", ctx.path(), Problems.requestId(ctx), e.getMessage());
            }
            writeProblem(ctx, Problems.of(e, ctx));
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> writeProblem(ctx,
                Problem.ofStatus(e.getStatus(), HttpStatus.forStatus(e.getStatus()).getMessage(),
                        describe(e, ctx), ctx.path(), Problems.requestId(ctx))));
        routes.exception(org.eclipse.jetty.http.BadMessageException.class, (e, ctx) -> {
            // Jetty's own refusal while the body was read (408: it arrived slower than the minimum rate)
            LOG.debug("request {} refused by Jetty: {}", Problems.requestId(ctx), e.getMessage());
            if (e.getCode() == FailureKind.REQUEST_TIMEOUT.status()) {
                writeProblem(ctx, Problems.of(new RequestTimeoutException("the request body arrived slower than the "
                        + "minimum rate" + (e.getReason() == null ? "" : " (" + e.getReason() + ")")), ctx));
                return;
            }
            writeProblem(ctx, Problem.ofStatus(e.getCode(), HttpStatus.forStatus(e.getCode()).getMessage(),
                    e.getReason() == null ? "the request body could not be read" : e.getReason(), ctx.path(),
                    Problems.requestId(ctx)));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {} (request {})", ctx.method(), ctx.path(), Problems.requestId(ctx), e);
            writeProblem(ctx, Problem.ofStatus(500, "Internal error",
                    "an unexpected error occurred; it has been logged with the request id", ctx.path(),
                    Problems.requestId(ctx)));
        });
    }

    private static String describe(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "no endpoint at " + ctx.path() + "; see GET /api/v1/domains";
            case 405 -> ctx.method() + " is not supported on " + ctx.path();
            default -> e.getMessage();
        };
    }

    private static void writeProblem(Context ctx, Problem problem) {
        write(ctx, problem.status(), Problem.CONTENT_TYPE, problem);
    }

    static void writeJson(Context ctx, int status, Object body) {
        write(ctx, status, JSON, body);
    }

    private static void write(Context ctx, int status, String contentType, Object body) {
        try {
            writeBytes(ctx, status, contentType, Json.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }

    /**
     * Straight into the response's stream (Javalin's, so it still compresses a large body for a client that asks):
     * handing Javalin the bytes as a result instead made it copy them through buffers of its own, 33 KB of
     * garbage for each decision answered against 23 KB for everything else (measured under {@code wrk}), and so
     * more frequent collector pauses. The echo endpoint, the benchmark's limit for a decision, answers the same way.
     */
    private static void writeBytes(Context ctx, int status, String contentType, byte[] bytes) {
        ctx.status(status).contentType(contentType);
        try {
            ctx.outputStream().write(bytes);
        } catch (IOException e) {
            // only a client gone before its answer was sent: there is nobody left to tell
            LOG.debug("request {}: the answer could not be sent: {}", Problems.requestId(ctx), e.getMessage());
        }
    }
}
