package smos.engine;

import java.time.Instant;
import java.util.List;

/** The last attempt to load a domain's files that did not compile: which version, when, and why. */
public record LoadFailure(String version, Instant at, List<RuleProblem> problems) {
}
