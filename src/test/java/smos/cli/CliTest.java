package smos.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import smos.testing.CapturedOutput;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands testers and operators run: test, verify, decide. */
class CliTest {
    @TempDir
    Path home;

    @RegisterExtension
    final CapturedOutput console = new CapturedOutput();

    @BeforeEach
    void copyTheShippedHome() {
        TestHomes.copyOfShipped(home);
    }

    private String lastLine() {
        String[] lines = console.out.toString(StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void testPassesOnTheShippedScenarios() {
        int code = Main.run("test", "--home", home.toString());
        assertEquals(0, code, console.out::toString);
        assertTrue(lastLine().matches("\\d+ passed, 0 failed"), lastLine());
    }

    @Test
    void testCoverageSummarisesEachDomainAndWritesJson() throws Exception {
        Path json = home.resolve("reports/coverage.json");
        Files.delete(home.resolve("scenarios/returns/damage.yaml"));

        int code = Main.run("test", "--coverage", "--coverage-file", json.toString(), "--home", home.toString());

        assertEquals(0, code, console.out::toString);
        String text = console.out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("not fired: Outcome!B17 PhysicalDamageIsDenied (decision-tables/returns/returns-policy.xlsx)"),
                text);
        assertTrue(text.contains("coverage written to " + json), text);
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertEquals(false, report.path("complete").asBoolean(true));
        assertTrue(report.toString().contains("\"location\":\"Outcome!B18\""), report::toString);
        assertTrue(lastLine().matches("\\d+ passed, 0 failed"), lastLine());
    }

    @Test
    void testMutateReportsTheSurvivorsAndShowsProgressOnStandardError() {
        int code = Main.run("test", "--mutate", "performance-review", "--home", home.toString());

        assertEquals(0, code, console.out::toString);
        String text = console.out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("performance-review: 40 mutants, 38 killed by scenarios, 0 refused by the compiler or"
                + " checks, 2 survived"), text);
        assertTrue(text.contains("survived: Ladder!D22 0 -> -1 (rule OnTrackRepHasNoAction"), text);
        String progress = console.err.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("performance-review 40/40 SevereMiss!D13 1 -> 2"), progress);
    }

    @Test
    void testReportsAFailingScenarioWithItsFieldAndExitsOne() throws Exception {
        Path file = home.resolve("scenarios/returns/change-of-mind.yaml");
        Files.writeString(file, Files.readString(file).replace("refundAmount: 169.99", "refundAmount: 170.00"));

        int code = Main.run("test", "--home", home.toString(), home.resolve("scenarios/returns").toString());

        assertEquals(1, code);
        String text = console.out.toString(StandardCharsets.UTF_8);
        // the scenario starts on line 6 of the file (after three comment lines, domain: and scenarios:)
        assertTrue(text.contains("FAIL scenarios/returns/change-of-mind.yaml:6 :: opened router returned on day 20"), text);
        assertTrue(text.contains("refundAmount: expected 170.00, actual 169.99"), text);
        assertTrue(lastLine().matches("\\d+ passed, 1 failed"), lastLine());
    }

    @Test
    void testFailsOnAnEmptyScenarioFolder() throws Exception {
        Path empty = Files.createDirectories(home.resolve("empty"));
        assertEquals(1, Main.run("test", "--home", home.toString(), empty.toString()));
        assertEquals("0 passed, 1 failed", lastLine());
    }

    @Test
    void verifyPrintsEachProblemWithItsCellAndExitsOne() {
        Path xlsx = home.resolve("decision-tables/returns/returns-policy.xlsx");
        String cell = Workbooks.cellOf(xlsx, "Outcome", "DeadOnArrivalGetsAdvanceReplacement", "Defective unit due back");
        Workbooks.set(xlsx, "Outcome", cell, "thirty");

        int code = Main.run("verify", "--home", home.toString());

        assertEquals(1, code);
        String text = console.out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("decision-tables/returns/returns-policy.xlsx, sheet Outcome, cell " + cell
                + ": \"thirty\" is not a whole number"), text);
    }

    @Test
    void verifyPassesOnTheShippedRules() {
        assertEquals(0, Main.run("verify", "--home", home.toString()), console.out::toString);
        assertTrue(console.out.toString(StandardCharsets.UTF_8).contains("ok      returns"));
    }

    @Test
    void verifyPrintsSpreadsheetFindingsAndFailsOnAnError() {
        Path xlsx = home.resolve("decision-tables/returns/returns-policy.xlsx");
        // the last row of Outcome moved below two blank rows: Drools would drop it without a word
        Workbooks.withSheet(xlsx, "Outcome", true, sheet -> sheet.shiftRows(29, 29, 2));

        int code = Main.run("verify", "--home", home.toString());

        assertEquals(1, code, console.out::toString);
        String text = console.out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("FAILED  returns"), text);
        assertTrue(text.contains("ERROR   decision-tables/returns/returns-policy.xlsx, sheet Outcome, cell B32: row 32 comes"
                + " after the blank row 30"), text);
    }

    @Test
    void verifyInfoListsWhichRowWinsWhereRowsOfAFirstMatchTableOverlap() {
        assertEquals(0, Main.run("verify", "--info", "--home", home.toString()), console.out::toString);
        String text = console.out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("INFO    decision-tables/returns/returns-policy.xlsx, sheet Outcome, cells B20, B24: rows 20"
                + " and 24 both match"), text);
    }

    @Test
    void decidePrintsTheResponseForARequestFile() throws Exception {
        Path request = home.resolve("claim.json");
        Files.writeString(request, """
                {"claim": {"claimId": "C-9", "productLine": "SWITCH", "condition": "NEW", "channel": "DIRECT",
                           "purchaseDate": "2026-01-10", "claimDate": "2026-04-20", "purchasePrice": 899.00,
                           "reason": "DEFECTIVE", "opened": true, "proofOfPurchase": true, "registered": false}}
                """);

        int code = Main.run("decide", "--home", home.toString(), "returns", request.toString());

        assertEquals(0, code, console.err::toString);
        String text = console.out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"index\":0,\"decisionId\":\""), text);
        assertTrue(text.contains("\"rulesetVersion\":\""), text);
        assertTrue(text.contains("\"outcome\":\"ADVANCE_REPLACEMENT\""), text);
        assertTrue(console.err.toString(StandardCharsets.UTF_8).contains("1 items, 0 errors"), console.err::toString);
    }

    @Test
    void decideTakesNdjsonAndAJsonArrayAndAnswersNdjsonInOrder() throws Exception {
        String claim = "{\"claim\": {\"claimId\": \"%s\", \"productLine\": \"SWITCH\", \"condition\": \"NEW\", "
                + "\"channel\": \"%s\", \"purchaseDate\": \"2026-01-10\", \"claimDate\": \"2026-04-20\", "
                + "\"purchasePrice\": 899.00, \"reason\": \"DEFECTIVE\", \"opened\": true, \"proofOfPurchase\": true, "
                + "\"registered\": false}}";
        Path ndjson = home.resolve("claims.ndjson");
        Files.writeString(ndjson, String.format(claim, "N-0", "DIRECT") + "\n\n" + String.format(claim, "N-1", "EBAY")
                + "\n" + String.format(claim, "N-2", "RETAILER") + "\n");
        Path array = home.resolve("claims.json");
        Files.writeString(array, "[" + String.format(claim, "A-0", "DIRECT") + ",\n" + String.format(claim, "A-1", "RETAILER") + "]");

        assertEquals(1, Main.run("decide", "--home", home.toString(), "returns", ndjson.toString()));
        String[] lines = console.out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("{\"index\":0,") && lines[0].contains("N-0"), lines[0]);
        assertTrue(lines[1].startsWith("{\"index\":1,\"decisionId\":\"")
                && lines[1].contains("\"error\":{\"type\":\"/problems/invalid-request\",\"status\":400"), lines[1]);
        assertTrue(lines[1].contains("claim.channel"), lines[1]);
        assertTrue(lines[2].startsWith("{\"index\":2,") && lines[2].contains("N-2"), lines[2]);
        String summary = console.err.toString(StandardCharsets.UTF_8);
        // the EBAY request is item 1 and on line 3 of the input: the blank line 2 is skipped, not counted as an item
        assertTrue(summary.contains("item 1 (line 3): Invalid request; claim.channel"), summary);
        assertTrue(summary.contains("3 items, 1 errors"), summary);
        assertTrue(summary.contains("decisions per second"), summary);

        console.out.reset();
        assertEquals(0, Main.run("decide", "--home", home.toString(), "returns", array.toString()));
        String[] fromArray = console.out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(2, fromArray.length);
        assertTrue(fromArray[1].contains("A-1"), fromArray[1]);
    }

    @Test
    void decideNamesTheBadFieldAndExitsOne() throws Exception {
        Path request = home.resolve("claim.json");
        Files.writeString(request, "{\"claim\": {\"claimId\": \"C-9\"}}");

        assertEquals(1, Main.run("decide", "--home", home.toString(), "returns", request.toString()));
        assertTrue(console.err.toString(StandardCharsets.UTF_8).contains("item 0 (line 1): Invalid request; claim.productLine: is required"),
                console.err::toString);
        assertTrue(console.out.toString(StandardCharsets.UTF_8).contains("\"field\":\"claim.productLine\""));
    }

    @Test
    void aHomeWithoutRulesIsAOneLineError() throws Exception {
        Path nowhere = Files.createDirectories(home.resolve("nowhere"));
        assertEquals(2, Main.run("verify", "--home", nowhere.toString()));
        assertTrue(console.err.toString(StandardCharsets.UTF_8).startsWith("error: "), console.err::toString);
    }
}
