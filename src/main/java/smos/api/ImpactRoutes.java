package smos.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import smos.failure.ForbiddenException;
import smos.impact.ImpactJob;
import smos.impact.ImpactJobs;
import smos.impact.ImpactWindow;
import smos.publish.AccessRole;
import smos.publish.Caller;
import smos.publish.ChangeSet;
import smos.publish.RuleSetManager;
import smos.request.InvalidRequestException;

/**
 * The impact of a change over HTTP (docs/audit.md, "Impact of a change"). {@code POST
 * /api/v1/domains/{domain}/impact} gets a candidate through the gate (the files of a publish as
 * multipart/form-data, or {@code ?version=} of the history), answers a refused candidate as a publish
 * is answered (422, nothing decided) and otherwise starts a run: 202 with the {@code Location} of the
 * run. {@code GET} on it gives the progress and, once done, the report; {@code DELETE} cancels it.
 * Running one needs an editor: whoever may publish a value change may see what it would do, and the
 * run reads the decision log, which needs a token anyway. Its candidate meets the edit rights of a
 * publish (code changes need a publisher), since compiling code is what a code change does.
 */
final class ImpactRoutes {
    private static final String IMPACT = "/api/v1/domains/{domain}/impact";

    private final ImpactJobs jobs;
    private final RuleSetManager manager;
    private final ApiSettings settings;

    /** {@code jobs} null: the server keeps no decision log, so there is nothing to run an impact on. */
    ImpactRoutes(ImpactJobs jobs, RuleSetManager manager, ApiSettings settings) {
        this.jobs = jobs;
        this.manager = manager;
        this.settings = settings;
    }

    void install(RoutesConfig routes) {
        routes.post(IMPACT, this::start);
        routes.get(IMPACT + "/{id}", ctx -> {
            caller(ctx, AccessRole.VIEWER, "read an impact run");
            ApiServer.writeJson(ctx, 200, jobs().job(ctx.pathParam("domain"), ctx.pathParam("id")).status());
        });
        routes.delete(IMPACT + "/{id}", ctx -> {
            caller(ctx, AccessRole.EDITOR, "cancel an impact run");
            ApiServer.writeJson(ctx, 200, jobs().cancel(ctx.pathParam("domain"), ctx.pathParam("id")).status());
        });
    }

    private void start(Context ctx) throws java.io.IOException {
        Caller caller = caller(ctx, AccessRole.EDITOR, "run an impact");
        ImpactJobs jobs = jobs();
        String domain = ctx.pathParam("domain");
        ImpactWindow window = new ImpactWindow(domain, AuditRoutes.instant(ctx, "from"), AuditRoutes.instant(ctx, "to"),
                limit(ctx));
        String version = ctx.queryParam("version");
        String contentType = ctx.header("Content-Type");
        ImpactJob job;
        if (version != null && !version.isBlank()) {
            if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
                throw new InvalidRequestException("version", "give either a version of the history or files, not both");
            }
            job = jobs.start(window, caller.name(), () -> manager.trial(domain, version.strip(), caller));
        } else {
            ChangeSet changes = PublishForm.read(contentType, ctx.bodyInputStream(), ctx.req().getContentLengthLong(),
                    settings.maxPublishBytes());
            job = jobs.start(window, caller.name(), () -> manager.trial(domain, changes, caller));
        }
        ctx.header("Location", ImpactJobs.location(job));
        ApiServer.writeJson(ctx, 202, job.status());
    }

    private ImpactJobs jobs() {
        if (jobs == null) {
            throw new ForbiddenException("the decision log is off on this server (serve --audit off): "
                    + "an impact run decides the recorded requests again, so there is nothing to run it on");
        }
        return jobs;
    }

    private Caller caller(Context ctx, AccessRole needed, String what) {
        if (!settings.tokens().enabled()) {
            throw new ForbiddenException("impact runs need a token (they read the decision log): start the service "
                    + "with --token-file (docs/audit.md)");
        }
        return Access.caller(ctx, settings.tokens(), needed, what);
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null || value.isBlank()) {
            return ImpactWindow.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= ImpactWindow.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("limit", "must be a whole number from 1 to " + ImpactWindow.MAX_LIMIT);
    }
}
