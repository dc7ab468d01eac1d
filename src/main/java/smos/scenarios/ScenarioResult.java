package smos.scenarios;

import smos.engine.ScenarioFailure;
import java.util.List;

/** The outcome of one scenario: passed when it has no failures. */
public record ScenarioResult(String file, String domain, String scenario, List<ScenarioFailure> failures,
                             List<String> firedRules) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
