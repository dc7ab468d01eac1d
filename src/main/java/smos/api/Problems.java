package smos.api;

import io.javalin.http.Context;
import smos.failure.Failure;
import smos.publish.ChangeRejectedException;
import smos.publish.CodeChangeForbiddenException;
import smos.request.InvalidRequestException;
import smos.scenarios.ScenariosFailedException;
import smos.service.DomainUnavailableException;

/** The one mapping from a {@link Failure} to its problem+json body, with the details its kind carries. */
final class Problems {
    static final String REQUEST_ID = "smos.requestId";

    private Problems() {
    }

    static Problem of(Failure failure, Context ctx) {
        Problem problem = Problem.of(failure.kind(), failure.detail(), ctx.path(), requestId(ctx));
        if (failure instanceof InvalidRequestException invalid) {
            return problem.withErrors(invalid.errors());
        }
        if (failure instanceof DomainUnavailableException unavailable) {
            return problem.withProblems(unavailable.problems());
        }
        if (failure instanceof CodeChangeForbiddenException forbidden) {
            return problem.withProblems(forbidden.problems());
        }
        if (failure instanceof ScenariosFailedException failed) {
            return problem.withFailures(failed.report().failures())
                    .withCounts(failed.report().passed(), failed.report().failed());
        }
        if (failure instanceof ChangeRejectedException rejected) {
            return problem.withProblems(rejected.problems()).withFailures(rejected.failures());
        }
        return problem;
    }

    /** The id given to this request when it arrived (also sent as {@code X-Request-Id}). */
    static String requestId(Context ctx) {
        return ctx.attribute(REQUEST_ID);
    }
}
