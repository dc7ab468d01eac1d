package smos.scenarios;

import java.util.List;

/** A scenario file: {@code path} is relative to the SMOS home, as failures report it. */
public record ScenarioFile(String path, String domain, List<Scenario> scenarios) {
}
