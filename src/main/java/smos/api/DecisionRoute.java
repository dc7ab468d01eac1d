package smos.api;

import io.javalin.http.Context;
import smos.audit.DecisionRecorder;
import smos.failure.Failure;
import smos.failure.FailureKind;
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
            body = bodies.json(ctx);
            DecisionResponse response = service.decide(Problems.requestId(ctx), domain, body);
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
}
