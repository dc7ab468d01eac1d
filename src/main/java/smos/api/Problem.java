package smos.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import smos.engine.RuleProblem;
import smos.engine.ScenarioFailure;
import smos.failure.FailureKind;
import smos.request.FieldError;
import java.util.List;

/**
 * An {@code application/problem+json} body (RFC 9457). {@code errors} name request fields,
 * {@code problems} rule-file cells and lines, {@code failures} scenario fields, {@code passed} and
 * {@code failed} the counts of a scenario run; absent when empty.
 * {@code requestId} is the id of the request that failed (the {@code X-Request-Id} header, and the
 * audit log's decision id).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors, List<RuleProblem> problems, List<ScenarioFailure> failures,
                      Integer passed, Integer failed) {

    public static final String CONTENT_TYPE = "application/problem+json";

    static Problem of(FailureKind kind, String detail, String instance, String requestId) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, instance, requestId,
                null, null, null, null, null);
    }

    /** A status Javalin or Jetty answers on its own (404 no route, 405), with the HTTP reason as title. */
    static Problem ofStatus(int status, String title, String detail, String instance, String requestId) {
        return new Problem("/problems/http-" + status, title, status, detail, instance, requestId,
                null, null, null, null, null);
    }

    Problem withErrors(List<FieldError> errors) {
        return new Problem(type, title, status, detail, instance, requestId, errors, problems, failures, passed, failed);
    }

    Problem withProblems(List<RuleProblem> problems) {
        return new Problem(type, title, status, detail, instance, requestId, errors,
                problems.isEmpty() ? null : problems, failures, passed, failed);
    }

    Problem withFailures(List<ScenarioFailure> failures) {
        return new Problem(type, title, status, detail, instance, requestId, errors, problems,
                failures.isEmpty() ? null : failures, passed, failed);
    }

    /** The counts of a scenario run. */
    Problem withCounts(int passed, int failed) {
        return new Problem(type, title, status, detail, instance, requestId, errors, problems, failures, passed, failed);
    }
}
