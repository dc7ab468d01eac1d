package smos.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.engine.IncompleteDecisionException;
import smos.engine.RuleLoopException;
import smos.publish.ChangeRejectedException;
import smos.publish.InvalidChangeException;
import smos.publish.RuleSetManager;
import smos.publish.UnknownVersionException;
import smos.request.InvalidRequestException;
import smos.request.Json;
import smos.service.BatchDecisions;
import smos.service.DecisionService;
import smos.service.Metrics;
import smos.service.DomainUnavailableException;
import smos.service.UnknownDomainException;

/**
 * Builds the HTTP application (DESIGN.md, "HTTP contract (v1)"). Handlers are thin: read, call the
 * {@link DecisionService}, write JSON. Every error goes through one mapping to problem+json.
 */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String JSON = "application/json";
    private static final String DECISION = "/api/v1/decisions/{domain}";
    private static final String STARTED = "smos.started";

    private ApiServer() {
    }

    /** The application, not yet started: tests start it on a free port, {@code serve} on the configured one. */
    public static Javalin create(DecisionService service, ApiSettings settings) {
        return create(service, null, new Metrics(), settings);
    }

    /** With a rule-set manager, the publishing, history and rollback endpoints are served too. */
    public static Javalin create(DecisionService service, RuleSetManager manager, Metrics metrics, ApiSettings settings) {
        BatchRoute batch = new BatchRoute(service, new BatchDecisions(service, metrics), settings);
        ContractRoutes contract = new ContractRoutes(service.registry().domains());
        return Javalin.create(config -> {
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            if (settings.threads() > 0) {
                config.jetty.threadPool = new org.eclipse.jetty.util.thread.QueuedThreadPool(settings.threads(),
                        Math.min(settings.threads(), 4));
            }
            config.jetty.multipartConfig.maxFileSize(settings.maxPublishBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxPublishBytes(), SizeUnit.BYTES);
            if (settings.protectReads()) {
                config.routes.before(ctx -> {
                    if (!ctx.path().equals("/health") && !ctx.path().equals("/metrics")
                            && !ContractRoutes.open(ctx.path())) {
                        Access.publisher(ctx, settings.tokens());
                    }
                });
            }
            config.routes.before(DECISION, ctx -> ctx.attribute(STARTED, System.nanoTime()));
            config.routes.post(DECISION, ctx -> {
                byte[] body = JsonBody.read(ctx, settings.maxBodyBytes());
                writeJson(ctx, 200, service.decide(ctx.pathParam("domain"), body));
            });
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
                config.routes.post("/api/v1/echo", ctx -> ctx.status(200).contentType(JSON)
                        .result(JsonBody.read(ctx, settings.maxBodyBytes())));
            }
            config.routes.get("/api/v1/domains", ctx -> writeJson(ctx, 200, service.domains()));
            config.routes.get("/api/v1/rulesets", ctx -> writeJson(ctx, 200, service.rulesets()));
            config.routes.get("/health", ctx -> writeJson(ctx, 200, service.health()));
            if (manager != null) {
                new PublishRoutes(manager, settings).install(config.routes);
            }
            contract.install(config.routes);
            installProblemMapping(config.routes);
        });
    }

    private static void installProblemMapping(io.javalin.config.RoutesConfig routes) {
        routes.exception(InvalidRequestException.class, (e, ctx) -> writeProblem(ctx,
                Problem.of("invalid-request", "Invalid request", 400,
                        "the request does not match the contract of this domain; see errors", ctx.path())
                        .withErrors(e.errors())));
        routes.exception(UnknownDomainException.class, (e, ctx) -> writeProblem(ctx,
                Problem.of("unknown-domain", "Unknown domain", 404, e.getMessage(), ctx.path())));
        routes.exception(DomainUnavailableException.class, (e, ctx) -> writeProblem(ctx,
                Problem.of("domain-unavailable", "Domain unavailable", 503, e.getMessage(), ctx.path())
                        .withProblems(e.problems())));
        routes.exception(HttpProblemException.class, (e, ctx) -> writeProblem(ctx, e.problem(ctx.path())));
        routes.exception(ChangeRejectedException.class, (e, ctx) -> writeProblem(ctx,
                Problem.of("change-rejected", "Change rejected", 422, e.getMessage(), ctx.path())
                        .withProblems(e.problems()).withFailures(e.failures())));
        routes.exception(InvalidChangeException.class, (e, ctx) -> writeProblem(ctx,
                Problem.of("invalid-change", "Invalid change", 400, e.getMessage(), ctx.path())));
        routes.exception(UnknownVersionException.class, (e, ctx) -> writeProblem(ctx,
                Problem.of("unknown-version", "Unknown version", 404, e.getMessage(), ctx.path())));
        routes.exception(HttpResponseException.class, (e, ctx) -> writeProblem(ctx,
                Problem.of("http-" + e.getStatus(), HttpStatus.forStatus(e.getStatus()).getMessage(), e.getStatus(),
                        describe(e, ctx), ctx.path())));
        routes.exception(IncompleteDecisionException.class, (e, ctx) -> rulesDefect(ctx, e));
        routes.exception(RuleLoopException.class, (e, ctx) -> rulesDefect(ctx, e));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            writeProblem(ctx, Problem.of("internal-error", "Internal error", 500,
                    "an unexpected error occurred; it has been logged", ctx.path()));
        });
    }

    private static String describe(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "no endpoint at " + ctx.path() + "; see GET /api/v1/domains";
            case 405 -> ctx.method() + " is not supported on " + ctx.path();
            default -> e.getMessage();
        };
    }

    /** The rules could not decide a valid request: a defect of the rules, logged for their owners. */
    private static void rulesDefect(Context ctx, RuntimeException e) {
        LOG.error("rules defect on {}: {}", ctx.path(), e.getMessage());
        writeProblem(ctx, Problem.of("rules-defect", "The rules could not decide", 500, e.getMessage(), ctx.path()));
    }

    private static void writeProblem(Context ctx, Problem problem) {
        write(ctx, problem.status(), Problem.CONTENT_TYPE, problem);
    }

    static void writeJson(Context ctx, int status, Object body) {
        write(ctx, status, JSON, body);
    }

    private static void write(Context ctx, int status, String contentType, Object body) {
        try {
            ctx.status(status).contentType(contentType).result(Json.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }
}
