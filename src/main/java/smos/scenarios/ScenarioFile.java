package smos.scenarios;

import java.util.List;

/**
 * A scenario file: {@code path} is relative to the SMOS home, as failures report it; {@code unreadable}
 * are its scenarios that are not in the format, each with its line.
 */
public record ScenarioFile(String path, String domain, List<Scenario> scenarios, List<UnreadableScenario> unreadable) {
    public ScenarioFile(String path, String domain, List<Scenario> scenarios) {
        this(path, domain, scenarios, List.of());
    }
}
