package smos.scenarios;

import smos.engine.ScenarioFailure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One scenario file run: the result of each scenario, or, when the file cannot be read at all, why
 * ({@code unreadable}, counted as one scenario that could not run). What the text report, the JUnit
 * XML report and the HTTP answer are written from.
 */
public record ScenarioFileRun(String path, String domain, List<ScenarioResult> results,
                              ScenarioFileException unreadable) {

    /** Loads and runs one file; {@code display} is how the file is named in failures. */
    public static ScenarioFileRun of(ScenarioRunner runner, Path file, String display) {
        return of(runner, () -> ScenarioLoader.load(file, display), display);
    }

    /** The same for a file's bytes (a domain bundle holds them). */
    public static ScenarioFileRun of(ScenarioRunner runner, byte[] bytes, String display) {
        return of(runner, () -> ScenarioLoader.load(bytes, display), display);
    }

    private static ScenarioFileRun of(ScenarioRunner runner, Supplier<ScenarioFile> loader, String display) {
        ScenarioFile loaded;
        try {
            loaded = loader.get();
        } catch (ScenarioFileException e) {
            return new ScenarioFileRun(display, null, List.of(), e);
        }
        return new ScenarioFileRun(display, loaded.domain(), runner.run(loaded), null);
    }

    public int passed() {
        return (int) results.stream().filter(ScenarioResult::passed).count();
    }

    /** Scenarios that failed or could not run; an unreadable file counts as one. */
    public int failed() {
        return unreadable != null ? 1 : (int) results.stream().filter(r -> !r.passed()).count();
    }

    /** Every failure, an unreadable file's included. */
    public List<ScenarioFailure> failures() {
        List<ScenarioFailure> failures = new ArrayList<>();
        if (unreadable != null) {
            failures.add(new ScenarioFailure(path, null, unreadable.line() > 0 ? unreadable.line() : null, null,
                    "a readable scenario file", unreadable.problem()));
        }
        results.forEach(r -> failures.addAll(r.failures()));
        return failures;
    }
}
