package smos.scenarios;

import smos.engine.ScenarioFailure;
import java.util.List;

/**
 * The outcome of one scenario: passed when it has no failures. {@code couldNotRun} marks a scenario
 * that is not in the format or met an error before a decision could be compared (a test error, not a
 * test failure, in JUnit's terms); its failures say why. {@code nanos}: how long it took.
 */
public record ScenarioResult(String file, String domain, String scenario, int line, List<ScenarioFailure> failures,
                             List<String> firedRules, boolean couldNotRun, long nanos) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
