package smos.scenarios;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.engine.DecisionDomain;
import smos.engine.ScenarioFailure;
import smos.publish.Gate;
import smos.service.DecisionService;
import smos.testing.Services;
import smos.testing.TestHomes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenarios whose request must be refused ({@code expectError}): how they are read, run and counted, and
 * that the publishing gate refuses a version whose bad-input scenarios fail.
 */
class ExpectErrorScenariosTest {
    private static final String RETURNS_CLAIM = "{claim: {claimId: C-1, productLine: CONSUMER_ROUTER, condition: NEW,"
            + " channel: DIRECT, purchaseDate: 2026-10-01, claimDate: 2026-10-21, purchasePrice: %s, reason: CHANGED_MIND,"
            + " opened: true, proofOfPurchase: true, registered: false}}";

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void anExpectErrorScenarioIsReadWithItsStatusAndField() throws Exception {
        Scenario scenario = ScenarioLoader.load(write("ok.yaml", "domain: returns\nscenarios:\n  - name: negative price\n"
                + "    given: " + RETURNS_CLAIM.formatted("-1") + "\n    expectError: {status: 400, field: claim.purchasePrice}\n"),
                "ok.yaml").scenarios().get(0);
        assertTrue(scenario.refused());
        assertEquals(new ExpectedError(400, "claim.purchasePrice"), scenario.expectError());
        assertNull(scenario.expect());
    }

    @Test
    void expectErrorGoesWithoutExpectAndNeedsAFieldAndA4xxStatus() throws Exception {
        String head = "domain: returns\nscenarios:\n  - name: x\n    given: {claim: {}}\n";
        for (String[] bad : List.of(
                new String[] {"    expectError: {status: 400, field: claim}\n    expect: {outcome: REFUND}\n", "goes without 'expect'"},
                new String[] {"    expectError: {status: 200, field: claim}\n", "status is a 4xx code"},
                new String[] {"    expectError: {status: 400}\n", "field is required"},
                new String[] {"    expectError: {status: 400, field: claim, message: x}\n", "unknown key 'message'"},
                new String[] {"    expectError: 400\n", "must be a mapping"})) {
            Path file = write("bad.yaml", head + bad[0]);
            // set aside at its line (the file's other scenarios would still run), not decided
            ScenarioFile loaded = ScenarioLoader.load(file, "bad.yaml");
            assertEquals(List.of(), loaded.scenarios(), bad[0]);
            UnreadableScenario set = loaded.unreadable().get(0);
            assertEquals(3, set.line(), set::toString);
            assertTrue(set.problem().contains(bad[1]), set::toString);
        }
    }

    @Test
    void theRunnerPassesTheRightFieldAndNamesWhatWentWrongOtherwise() throws Exception {
        ScenarioFile file = ScenarioLoader.load(write("mixed.yaml", "domain: returns\nscenarios:\n"
                + "  - name: right field\n    given: " + RETURNS_CLAIM.formatted("-1")
                + "\n    expectError: {status: 400, field: claim.purchasePrice}\n"
                + "  - name: other field\n    given: " + RETURNS_CLAIM.formatted("-1")
                + "\n    expectError: {status: 400, field: claim.claimDate}\n"
                + "  - name: decided\n    given: " + RETURNS_CLAIM.formatted("199.99")
                + "\n    expectError: {status: 400, field: claim.purchasePrice}\n"), "mixed.yaml");
        List<ScenarioResult> results = new ScenarioRunner(Services.shipped()).run(file);
        assertTrue(results.get(0).passed(), results.get(0)::toString);
        assertEquals(List.of(), results.get(0).firedRules());
        ScenarioFailure other = results.get(1).failures().get(0);
        assertEquals("expectError", other.field());
        assertEquals("400 at field claim.claimDate", other.expected());
        assertTrue(other.actual().startsWith("400 at another field: claim.purchasePrice (must not be negative)"), other.actual());
        ScenarioFailure decided = results.get(2).failures().get(0);
        assertTrue(decided.actual().startsWith("a decision (the request was accepted)"), decided.actual());
    }

    @Test
    void theGateRefusesAVersionWhoseBadInputScenarioIsDecided() throws Exception {
        Path home = TestHomes.copyOfShipped(dir.resolve("home"));
        Path file = home.resolve("scenarios/quota/bad-input.yaml");
        // a target of 1.00 is valid: the scenario that expects 0.99 to be refused now gets a decision
        Files.writeString(file, Files.readString(file).replace("revenueTarget: 0.99", "revenueTarget: 1.00"));
        DecisionService service = Services.load(home);
        DecisionDomain<?, ?> quota = service.registry().domain("quota").orElseThrow();

        Gate.Verdict verdict = new Gate(service.registry(), service).check(quota,
                smos.engine.DomainLayout.read(home, "quota"), "publish");

        assertTrue(!verdict.passed());
        assertEquals(1, verdict.failures().size(), verdict.failures()::toString);
        assertEquals("a revenue target below 1.00 is refused", verdict.failures().get(0).scenario());
        assertTrue(verdict.failures().get(0).actual().startsWith("a decision"), verdict.failures()::toString);
    }
}
