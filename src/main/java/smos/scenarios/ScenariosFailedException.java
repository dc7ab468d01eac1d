package smos.scenarios;

import smos.failure.Failure;
import smos.failure.FailureKind;

/** A scenario run asked for over HTTP found failures: the report lists each, with the counts. A 422. */
public class ScenariosFailedException extends Failure {
    private final transient ScenarioReport report;

    public ScenariosFailedException(ScenarioReport report) {
        super(FailureKind.SCENARIOS_FAILED, report.failed() + " of " + (report.passed() + report.failed())
                + " scenarios failed against version " + report.rulesetVersion() + " of " + report.domain());
        this.report = report;
    }

    public ScenarioReport report() {
        return report;
    }
}
