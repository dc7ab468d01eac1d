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

    private static ScenarioFailure failure(ScenarioFile file, Scenario scenario, String field, String expected,
                                           String actual) {
        return new ScenarioFailure(file.path(), scenario.name(), field, expected, actual);
    }
}
