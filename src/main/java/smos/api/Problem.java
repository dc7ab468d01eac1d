package smos.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import smos.engine.RuleProblem;
import smos.engine.ScenarioFailure;
import smos.request.FieldError;
import java.util.List;

/**
 * An {@code application/problem+json} body (RFC 9457). {@code errors} name request fields,
 * {@code problems} rule-file cells and lines, {@code failures} scenario fields; absent when empty.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, List<RuleProblem> problems, List<ScenarioFailure> failures) {

    public static final String CONTENT_TYPE = "application/problem+json";

    static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem("/problems/" + slug, title, status, detail, instance, null, null, null);
    }

    Problem withErrors(List<FieldError> errors) {
        return new Problem(type, title, status, detail, instance, errors, problems, failures);
    }

    Problem withProblems(List<RuleProblem> problems) {
        return new Problem(type, title, status, detail, instance, errors, problems.isEmpty() ? null : problems, failures);
    }

    Problem withFailures(List<ScenarioFailure> failures) {
        return new Problem(type, title, status, detail, instance, errors, problems, failures.isEmpty() ? null : failures);
    }
}
