package smos.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import smos.audit.AuditLog;
import smos.audit.AuditPage;
import smos.audit.AuditQuery;
import smos.audit.AuditView;
import smos.audit.AuditServices;
import smos.audit.DecisionRecorder;
import smos.audit.Replay;
import smos.failure.ForbiddenException;
import smos.publish.AccessRole;
import smos.failure.NotFoundException;
import smos.request.Json;
import smos.request.Optional;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * Reading the decision log over HTTP: search with cursor paging, one record, NDJSON export, erasure.
 * Every read needs a token; with no token configured the log cannot be read over HTTP at all.
 */
final class AuditRoutes {
    static final String DECISIONS = "/api/v1/audit/decisions";
    static final String ERASURES = "/api/v1/audit/erasures";
    private static final String NDJSON = "application/x-ndjson";

    private final DecisionRecorder recorder;
    private final Replay replay;
    private final ApiSettings settings;

    AuditRoutes(AuditServices audit, ApiSettings settings) {
        this.recorder = audit.recorder();
        this.replay = audit.replay();
        this.settings = settings;
    }

    void install(RoutesConfig routes) {
        routes.get(DECISIONS, this::search);
        routes.get(DECISIONS + "/{id}", this::one);
        routes.get(ERASURES, ctx -> {
            log(ctx);
            ApiServer.writeJson(ctx, 200, Map.of("erasures", recorder.log().erasures()));
        });
        routes.post(ERASURES, this::erase);
        routes.post(DECISIONS + "/{id}/replay", ctx -> {
            log(ctx);
            if (replay == null) {
                throw new ForbiddenException(smos.audit.AuditAccess.NO_HISTORY);
            }
            ApiServer.writeJson(ctx, 200, replay.replay(ctx.pathParam("id")));
        });
    }

    /** The erasure a publisher asks for: the records whose request holds {@code value} at {@code field}. */
    record EraseRequest(@Optional String domain, String field, String value) {
    }

    private AuditLog log(Context ctx) {
        if (!recorder.enabled()) {
            throw new ForbiddenException(smos.audit.AuditAccess.OFF);
        }
        if (!settings.tokens().enabled()) {
            throw new ForbiddenException("the decision log cannot be read over HTTP on a server without tokens: "
                    + "start it with --token-file (docs/audit.md)");
        }
        Access.caller(ctx, settings.tokens(), smos.audit.AuditAccess.READER, smos.audit.AuditAccess.READING);
        return recorder.log();
    }

    private void search(Context ctx) throws IOException {
        AuditLog log = log(ctx);
        AuditQuery query = query(ctx);
        String accept = ctx.header("Accept");
        if ("ndjson".equals(ctx.queryParam("format")) || (accept != null && accept.contains(NDJSON))) {
            ctx.status(200).contentType(NDJSON);
            OutputStream out = ctx.outputStream();
            log.export(query, record -> {
                try {
                    out.write(Json.mapper().writeValueAsBytes(AuditView.of(record)));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
            return;
        }
        AuditPage page = log.query(query);
        ApiServer.writeJson(ctx, 200, Map.of("records", page.records().stream().map(AuditView::of).toList(),
                "next", page.next() == null ? "" : page.next()));
    }

    private void one(Context ctx) {
        AuditLog log = log(ctx);
        String id = ctx.pathParam("id");
        ApiServer.writeJson(ctx, 200, AuditView.of(log.find(id)
                .orElseThrow(() -> new NotFoundException("the decision log holds no decision " + id))));
    }

    private void erase(Context ctx) {
        AuditLog log = log(ctx);
        String who = Access.caller(ctx, settings.tokens(), AccessRole.PUBLISHER, "erase records of the decision log").name();
        EraseRequest request = new BodyReader(settings.maxBodyBytes(), "an erasure request").jsonAs(ctx, EraseRequest.class);
        ApiServer.writeJson(ctx, 200, log.erase(request.domain(), request.field(), request.value(), who));
    }

    private static AuditQuery query(Context ctx) {
        return AuditQuery.of(ctx::queryParam);
    }

    /** An instant ({@code 2026-11-30T10:00:00Z}) or a date (its first moment, UTC). */
    static Instant instant(Context ctx, String name) {
        return AuditQuery.instant(name, ctx.queryParam(name));
    }
}
