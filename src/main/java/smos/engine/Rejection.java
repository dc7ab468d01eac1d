package smos.engine;

import java.time.Instant;
import java.util.List;

/**
 * A version of a domain's files that was refused: which version, when, what tried to bring it live
 * (start-up, a file change, a publish, a rollback), and why: rule-file problems, or scenarios that no
 * longer pass against it.
 */
public record Rejection(String version, Instant at, String trigger, List<RuleProblem> problems,
                        List<ScenarioFailure> failures) {

    public Rejection {
        problems = List.copyOf(problems);
        failures = List.copyOf(failures);
    }

    public static Rejection of(CompileResult result, String trigger) {
        return new Rejection(result.version(), Instant.now(), trigger, result.problems(), List.of());
    }
}
