package smos.api;

import io.javalin.http.Context;
import smos.audit.DecisionRecorder;
import smos.failure.Failure;
import smos.failure.FailureKind;
import smos.failure.UnsupportedMediaTypeException;
import smos.request.NdjsonAsJsonException;
import smos.service.DecisionResponse;
import smos.service.DecisionService;

/**
 * {@code POST /api/v1/decisions/{domain}}: read the body, decide, put the decision on record, answer.
 * A refused request of a known domain is recorded too, with the problem the client gets.
 */
final class DecisionRoute {
    private final DecisionService service;
    private final DecisionRecorder recorder;
    private final BodyReader bodies;
    private final ApiSettings settings;

    DecisionRoute(DecisionService service, DecisionRecorder recorder, BodyReader bodies, ApiSettings settings) {
        this.service = service;
        this.recorder = recorder;
        this.bodies = bodies;
        this.settings = settings;
    }

    void handle(Context ctx) {
        String domain = ctx.pathParam("domain");
        String caller = Access.callerName(ctx, settings.tokens());
        byte[] body = null;
        try {
            refuseNdjson(ctx, domain);
            body = bodies.json(ctx);
            DecisionResponse response = decide(ctx, domain, body);
            recorder.decided(response, caller, body);
            ApiServer.writeJson(ctx, 200, response);
        } catch (Failure failure) {
            if (failure.kind() != FailureKind.AUDIT_UNAVAILABLE && failure.kind() != FailureKind.UNKNOWN_DOMAIN) {
                recorder.refused(Problems.requestId(ctx), domain, caller, failure.kind().status(),
                        Problems.of(failure, ctx), body);
            }
            throw failure;
        }
    }

    /**
     * NDJSON holds several requests and this endpoint decides one: a 415 that says where NDJSON goes,
     * rather than the plain "send JSON" a client pointed at the wrong path would not understand.
     */
    private static void refuseNdjson(Context ctx, String domain) {
        if (BodyReader.mediaType(ctx.header("Content-Type")).equals(BatchRoute.NDJSON)) {
            throw new UnsupportedMediaTypeException("this endpoint decides one request sent as application/json; post"
                    + " NDJSON (" + BatchRoute.NDJSON + ") to " + batchPath(domain)
                    + ", which answers one result per line");
        }
    }

    /** Requests one after the other sent as application/json: the answer names this domain's batch endpoint. */
    private DecisionResponse decide(Context ctx, String domain, byte[] body) {
        try {
            return service.decide(Problems.requestId(ctx), domain, body);
        } catch (NdjsonAsJsonException ndjson) {
            throw ndjson.sendTo(batchPath(domain));
        }
    }

    private static String batchPath(String domain) {
        return "/api/v1/decisions/" + domain + "/batch";
    }
}
