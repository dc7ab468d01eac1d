package smos.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import smos.publish.ChangeSet;
import smos.publish.HistoryEntry;
import smos.publish.RuleSetManager;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Changing rules over HTTP: publish files (one, or several as one version), delete a file, list the
 * history, roll back. Every write needs {@code Authorization: Bearer <token>}; without a configured
 * token these endpoints are off and say so.
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
            String publisher = authorize(ctx);
            byte[] bytes = readLimited(ctx.bodyInputStream(), settings.maxPublishBytes());
            ChangeSet changes = new ChangeSet().put(ctx.pathParam("name"), bytes).message(ctx.header("X-Message"));
            ApiServer.writeJson(ctx, 200, manager.publish(ctx.pathParam("domain"), changes, publisher));
        });
        routes.delete(DOMAIN + "/files/{name}", ctx -> {
            String publisher = authorize(ctx);
            ChangeSet changes = new ChangeSet().delete(ctx.pathParam("name")).message(ctx.header("X-Message"));
            ApiServer.writeJson(ctx, 200, manager.publish(ctx.pathParam("domain"), changes, publisher));
        });
        routes.post(DOMAIN + "/publish", ctx -> {
            String publisher = authorize(ctx);
            ApiServer.writeJson(ctx, 200, manager.publish(ctx.pathParam("domain"), multipart(ctx), publisher));
        });
        routes.post(DOMAIN + "/rollback", ctx -> {
            String publisher = authorize(ctx);
            RollbackRequest request = JsonBody.readAs(ctx, settings.maxBodyBytes(), RollbackRequest.class);
            ApiServer.writeJson(ctx, 200, manager.rollback(ctx.pathParam("domain"), request.version(), publisher));
        });
        routes.get(DOMAIN + "/history", ctx -> {
            List<HistoryEntry> newestFirst = new ArrayList<>(manager.history(ctx.pathParam("domain")));
            Collections.reverse(newestFirst);
            ApiServer.writeJson(ctx, 200, newestFirst);
        });
    }

    /** {@code POST .../publish}: multipart parts with a file name are files; fields {@code delete} and {@code message}. */
    private ChangeSet multipart(Context ctx) throws IOException {
        String type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new smos.failure.UnsupportedMediaTypeException("publish several files as multipart/form-data: one part per file, fields 'delete' and 'message'");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > settings.maxPublishBytes()) {
            throw new smos.failure.LimitExceededException("a publish may be at most " + settings.maxPublishBytes() + " bytes");
        }
        ChangeSet changes = new ChangeSet();
        for (UploadedFile file : ctx.uploadedFiles()) {
            try (InputStream in = file.content()) {
                changes.put(file.filename(), readLimited(in, settings.maxPublishBytes()));
            }
        }
        for (String name : ctx.formParams("delete")) {
            changes.delete(name);
        }
        changes.message(ctx.formParam("message"));
        return changes;
    }

    /** The publisher of a valid bearer token; 403 when publishing is off, 401 without a valid token. */
    private String authorize(Context ctx) {
        if (!settings.tokens().enabled()) {
            throw new smos.failure.ForbiddenException("no publish token is configured: start the service with SMOS_PUBLISH_TOKEN or --token-file");
        }
        return Access.publisher(ctx, settings.tokens());
    }

    static byte[] readLimited(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > max) {
                throw new smos.failure.LimitExceededException("a published file may be at most " + max + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    record RollbackRequest(String version) {
    }
}
