package smos.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import smos.failure.ForbiddenException;
import smos.failure.LimitExceededException;
import smos.failure.PreconditionRequiredException;
import smos.publish.AccessRole;
import smos.publish.Caller;
import smos.publish.ChangeSet;
import smos.publish.HistoryEntry;
import smos.publish.InvalidChangeException;
import smos.publish.PublishResult;
import smos.publish.RuleSetManager;
import smos.request.InvalidRequestException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Changing rules over HTTP: publish files (one, or several as one version), delete a file, list the
 * history, compare two versions, roll back. Every write needs {@code Authorization: Bearer <token>} of a role that allows it
 * and names the version it replaces with {@code If-Match: "<version>"} (the {@code ETag} of the
 * history); without a configured token these endpoints are off and say so.
 */
final class PublishRoutes {
    private static final String DOMAIN = "/api/v1/domains/{domain}";

    private final RuleSetManager manager;
    private final ApiSettings settings;

    PublishRoutes(RuleSetManager manager, ApiSettings settings) {
        this.manager = manager;
        this.settings = settings;
    }

    void install(RoutesConfig routes) {
        routes.put(DOMAIN + "/files/{name}", ctx -> {
            Caller caller = authorize(ctx, AccessRole.EDITOR, "publish files");
            String name = ctx.pathParam("name");
            if (ctx.req().getContentLengthLong() > settings.maxPublishBytes()) {
                throw new LimitExceededException("a published file may be at most " + settings.maxPublishBytes() + " bytes");
            }
            byte[] bytes = PublishForm.limitScenario(name,
                    readLimited(ctx.bodyInputStream(), settings.maxPublishBytes(), "a published file"));
            String base = base(ctx); // after the body (see the publish route)
            ChangeSet changes = new ChangeSet().put(name, bytes).message(ctx.header("X-Message"));
            answer(ctx, manager.publish(ctx.pathParam("domain"), changes, caller, base));
        });
        routes.delete(DOMAIN + "/files/{name}", ctx -> {
            Caller caller = authorize(ctx, AccessRole.PUBLISHER, "delete files");
            String base = base(ctx);
            ChangeSet changes = new ChangeSet().delete(ctx.pathParam("name")).message(ctx.header("X-Message"));
            answer(ctx, manager.publish(ctx.pathParam("domain"), changes, caller, base));
        });
        routes.post(DOMAIN + "/publish", ctx -> {
            Caller caller = authorize(ctx, AccessRole.EDITOR, "publish files");
            ChangeSet changes = PublishForm.read(ctx.header("Content-Type"), ctx.bodyInputStream(),
                    ctx.req().getContentLengthLong(), settings.maxPublishBytes());
            // If-Match is judged once the (bounded) body is read: answered halfway through its upload, a
            // client still sending gets a broken connection instead of the 428 that tells it what to do
            String base = base(ctx);
            answer(ctx, manager.publish(ctx.pathParam("domain"), changes, caller, base));
        });
        routes.post(DOMAIN + "/rollback", ctx -> {
            Caller caller = authorize(ctx, AccessRole.PUBLISHER, "roll back");
            String base = base(ctx);
            RollbackRequest request = new BodyReader(settings.maxBodyBytes(), "a rollback request").jsonAs(ctx, RollbackRequest.class);
            if (request == null || request.version() == null || request.version().isBlank()) {
                throw new InvalidRequestException("version", "name the version to roll back to: {\"version\": \"...\"}");
            }
            answer(ctx, manager.rollback(ctx.pathParam("domain"), request.version(), caller, base));
        });
        routes.get(DOMAIN + "/history", ctx -> {
            String domain = ctx.pathParam("domain");
            ctx.header("ETag", "\"" + manager.baseVersion(domain) + "\"");
            List<HistoryEntry> newestFirst = new ArrayList<>(manager.history(domain));
            Collections.reverse(newestFirst);
            ApiServer.writeJson(ctx, 200, newestFirst);
        });
        routes.get(DOMAIN + "/diff", ctx -> ApiServer.writeJson(ctx, 200, manager.changes(ctx.pathParam("domain"),
                version(ctx, "from"), version(ctx, "to"))));
    }

    /** A version named by a query parameter; 400 naming the parameter when it is missing. */
    private static String version(Context ctx, String parameter) {
        String version = ctx.queryParam(parameter);
        if (version == null || version.isBlank()) {
            throw new InvalidRequestException(parameter, "name the version to compare " + parameter
                    + ": ?from=<version>&to=<version>, versions as GET /api/v1/domains/" + ctx.pathParam("domain")
                    + "/history lists them");
        }
        return version.strip();
    }

    /** The new version, also as the {@code ETag}: the base of the next change. */
    private static void answer(Context ctx, PublishResult result) {
        ctx.header("ETag", "\"" + result.version() + "\"");
        ApiServer.writeJson(ctx, 200, result);
    }

    /** The caller of a valid bearer token whose role allows {@code what}; 403 when publishing is off. */
    private Caller authorize(Context ctx, AccessRole needed, String what) {
        if (!settings.tokens().enabled()) {
            throw new ForbiddenException("no publish token is configured: start the service with SMOS_PUBLISH_TOKEN or --token-file");
        }
        return Access.caller(ctx, settings.tokens(), needed, what);
    }

    /**
     * The version the change replaces, from {@code If-Match: "<version>"}; 428 without one. A change
     * built on another version than the one serving is refused by the manager (409).
     */
    static String base(Context ctx) {
        String header = ctx.header("If-Match");
        String domain = ctx.pathParam("domain");
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException("say which version this change replaces: send If-Match: \"<version>\" "
                    + "with the version serving now (the ETag of GET /api/v1/domains/" + domain + "/history); "
                    + "smos publish and smos rollback send it for you. Nothing changed.");
        }
        String tag = header.strip();
        if (tag.equals("*")) {
            throw new PreconditionRequiredException("If-Match: * does not say which version this change replaces: send "
                    + "If-Match: \"<version>\" with the ETag of GET /api/v1/domains/" + domain + "/history. Nothing changed.");
        }
        if (tag.startsWith("W/")) {
            throw new InvalidChangeException("If-Match takes the version as a strong entity tag, \"<version>\", not " + tag);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (!tag.matches("[A-Za-z0-9]{1,64}")) {
            throw new InvalidChangeException("If-Match names one version, as in If-Match: \"857eb449c949\"; not " + header.strip());
        }
        return tag;
    }

    static byte[] readLimited(InputStream in, long max, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > max) {
                throw new LimitExceededException(what + " may be at most " + max + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    record RollbackRequest(String version) {
    }
}
