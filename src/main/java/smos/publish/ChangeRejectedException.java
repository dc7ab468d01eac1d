package smos.publish;

import smos.engine.RuleProblem;
import smos.engine.ScenarioFailure;

import java.util.List;

/** The proposed files did not pass the gate: nothing changed on disk or in memory. A 422. */
public class ChangeRejectedException extends smos.failure.Failure {
    private final transient List<RuleProblem> problems;
    private final transient List<ScenarioFailure> failures;

    public ChangeRejectedException(String message, List<RuleProblem> problems, List<ScenarioFailure> failures) {
        super(smos.failure.FailureKind.CHANGE_REJECTED, message);
        this.problems = List.copyOf(problems);
        this.failures = List.copyOf(failures);
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    public List<ScenarioFailure> failures() {
        return failures;
    }
}
