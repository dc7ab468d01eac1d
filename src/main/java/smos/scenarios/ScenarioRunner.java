package smos.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import smos.engine.FiredRule;
import smos.engine.ScenarioFailure;
import smos.request.InvalidRequestException;
import smos.request.Json;
import smos.service.DecisionResponse;
import smos.service.DecisionService;
import smos.service.DomainUnavailableException;
import smos.service.UnknownDomainException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs scenarios through the same path as an HTTP request: the {@code given} facts are sent as JSON
 * to the decision service, and the decision is compared with {@code expect}.
 */
public final class ScenarioRunner {
    /** Decides a request for a domain: the live service, or a candidate version being checked. */
    @FunctionalInterface
    public interface Decider {
        DecisionResponse decide(String domain, byte[] request);
    }

    /** The status an {@link InvalidRequestException} gets over HTTP: the only refusal a request can cause. */
    private static final int INVALID_REQUEST = 400;

    private final Decider decider;

    public ScenarioRunner(Decider decider) {
        this.decider = decider;
    }

    public ScenarioRunner(DecisionService service) {
        this(service::decide);
    }

    /** Every scenario of the file, the unreadable ones included as results that could not run, in file order. */
    public List<ScenarioResult> run(ScenarioFile file) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : file.scenarios()) {
            results.add(run(file, scenario));
        }
        for (UnreadableScenario bad : file.unreadable()) {
            results.add(new ScenarioResult(file.path(), file.domain(), bad.name(), bad.line(),
                    List.of(new ScenarioFailure(file.path(), bad.name(), bad.line(), "(scenario)",
                            "a scenario in the scenario format", bad.problem())), List.of(), true, 0));
        }
        results.sort(java.util.Comparator.comparingInt(ScenarioResult::line));
        return results;
    }

    public ScenarioResult run(ScenarioFile file, Scenario scenario) {
        if (scenario.refused()) {
            return runRefused(file, scenario);
        }
        long started = System.nanoTime();
        List<ScenarioFailure> failures = new ArrayList<>();
        DecisionResponse response;
        try {
            response = decider.decide(file.domain(), Json.mapper().writeValueAsBytes(scenario.given()));
        } catch (InvalidRequestException e) {
            e.errors().forEach(err -> failures.add(failure(file, scenario, "given." + err.field(), "a valid request",
                    err.message())));
            return new ScenarioResult(file.path(), file.domain(), scenario.name(), scenario.line(), failures, List.of(),
                    false, System.nanoTime() - started);
        } catch (UnknownDomainException | DomainUnavailableException e) {
            failures.add(failure(file, scenario, "domain", file.domain(), e.getMessage()));
            return new ScenarioResult(file.path(), file.domain(), scenario.name(), scenario.line(), failures, List.of(),
                    true, System.nanoTime() - started);
        } catch (JsonProcessingException | RuntimeException e) {
            failures.add(failure(file, scenario, "(decision)", "a decision", "error: " + e));
            return new ScenarioResult(file.path(), file.domain(), scenario.name(), scenario.line(), failures, List.of(),
                    true, System.nanoTime() - started);
        }
        JsonNode actual = Json.mapper().valueToTree(response.decision());
        for (ExpectationMatcher.Mismatch m : ExpectationMatcher.compare(scenario.expect(), actual)) {
            failures.add(failure(file, scenario, m.field(), m.expected(), m.actual()));
        }
        List<String> fired = response.trace().stream().map(FiredRule::rule).toList();
        for (String rule : scenario.expectRules()) {
            if (!fired.contains(rule)) {
                failures.add(failure(file, scenario, "expectRules", rule + " to fire", "fired " + fired));
            }
        }
        return new ScenarioResult(file.path(), file.domain(), scenario.name(), scenario.line(), failures, fired, false,
                System.nanoTime() - started);
    }

    /**
     * A scenario with {@code expectError}: the request must be refused with that status, its errors naming
     * the field. It fires no rule, so it adds nothing to coverage but its count.
     */
    private ScenarioResult runRefused(ScenarioFile file, Scenario scenario) {
        long started = System.nanoTime();
        boolean couldNotRun = false;
        ExpectedError expected = scenario.expectError();
        List<ScenarioFailure> failures = new ArrayList<>();
        try {
            DecisionResponse response = decider.decide(file.domain(), Json.mapper().writeValueAsBytes(scenario.given()));
            failures.add(failure(file, scenario, "expectError", expected.toString(),
                    "a decision (the request was accepted): " + Json.mapper().valueToTree(response.decision())));
        } catch (InvalidRequestException e) {
            List<String> fields = e.errors().stream().map(err -> err.field()).toList();
            if (expected.status() != INVALID_REQUEST) {
                failures.add(failure(file, scenario, "expectError", expected.toString(),
                        INVALID_REQUEST + " at " + describe(e)));
            } else if (!fields.contains(expected.field())) {
                failures.add(failure(file, scenario, "expectError", expected.toString(),
                        INVALID_REQUEST + " at another field: " + describe(e)));
            }
        } catch (UnknownDomainException | DomainUnavailableException e) {
            failures.add(failure(file, scenario, "domain", file.domain(), e.getMessage()));
            couldNotRun = true;
        } catch (JsonProcessingException | RuntimeException e) {
            failures.add(failure(file, scenario, "expectError", expected.toString(), "error: " + e));
            couldNotRun = true;
        }
        return new ScenarioResult(file.path(), file.domain(), scenario.name(), scenario.line(), failures, List.of(),
                couldNotRun, System.nanoTime() - started);
    }

    private static String describe(InvalidRequestException e) {
        return e.errors().stream().map(err -> err.field() + " (" + err.message() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static ScenarioFailure failure(ScenarioFile file, Scenario scenario, String field, String expected,
                                           String actual) {
        return new ScenarioFailure(file.path(), scenario.name(), scenario.line(), field, expected, actual);
    }
}
