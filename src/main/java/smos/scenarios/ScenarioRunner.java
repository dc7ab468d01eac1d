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

    public List<ScenarioResult> run(ScenarioFile file) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : file.scenarios()) {
            results.add(run(file, scenario));
        }
        return results;
    }

    public ScenarioResult run(ScenarioFile file, Scenario scenario) {
        if (scenario.refused()) {
            return runRefused(file, scenario);
        }
        List<ScenarioFailure> failures = new ArrayList<>();
        DecisionResponse response;
        try {
            response = decider.decide(file.domain(), Json.mapper().writeValueAsBytes(scenario.given()));
        } catch (InvalidRequestException e) {
            e.errors().forEach(err -> failures.add(failure(file, scenario, "given." + err.field(), "a valid request",
                    err.message())));
            return new ScenarioResult(file.path(), file.domain(), scenario.name(), failures, List.of());
        } catch (UnknownDomainException | DomainUnavailableException e) {
            failures.add(failure(file, scenario, "domain", file.domain(), e.getMessage()));
            return new ScenarioResult(file.path(), file.domain(), scenario.name(), failures, List.of());
        } catch (JsonProcessingException | RuntimeException e) {
            failures.add(failure(file, scenario, "(decision)", "a decision", "error: " + e));
            return new ScenarioResult(file.path(), file.domain(), scenario.name(), failures, List.of());
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
        return new ScenarioResult(file.path(), file.domain(), scenario.name(), failures, fired);
    }

    /**
     * A scenario with {@code expectError}: the request must be refused with that status, its errors naming
     * the field. It fires no rule, so it adds nothing to coverage but its count.
     */
    private ScenarioResult runRefused(ScenarioFile file, Scenario scenario) {
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
        } catch (JsonProcessingException | RuntimeException e) {
            failures.add(failure(file, scenario, "expectError", expected.toString(), "error: " + e));
        }
        return new ScenarioResult(file.path(), file.domain(), scenario.name(), failures, List.of());
    }

    private static String describe(InvalidRequestException e) {
        return e.errors().stream().map(err -> err.field() + " (" + err.message() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static ScenarioFailure failure(ScenarioFile file, Scenario scenario, String field, String expected,
                                           String actual) {
        return new ScenarioFailure(file.path(), scenario.name(), field, expected, actual);
    }
}
