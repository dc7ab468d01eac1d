package smos.workbooks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.checks.Finding;
import smos.checks.Severity;
import smos.checks.SpreadsheetChecks;
import smos.cli.Main;
import smos.engine.CompileResult;
import smos.engine.DomainRegistry;
import smos.engine.DomainSources;
import smos.engine.RuleOrigin;
import smos.engine.RuleProblem;
import smos.request.InvalidRequestException;
import smos.request.Json;
import smos.returns.ReturnsDomain;
import smos.scenarios.Scenario;
import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioLoader;
import smos.service.DecisionResponse;
import smos.service.DecisionService;
import smos.tabletext.WorkbookText;
import smos.testing.Services;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tables written for plain Drools, added to the returns domain as a team moving to SMOS would
 * (src/test/resources/foreign, built by {@link ForeignTables}): each is compiled, decided without a
 * 500, checked, and its messages asserted by cell.
 */
class ForeignTablesTest {
    private static final Path FOREIGN = TestHomes.REPO.resolve("src/test/resources/foreign");
    private static final String TABLES = "decision-tables/returns/";
    private static final String LOYALTY = TABLES + "loyalty-extension.xls";

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void copyShipped() {
        TestHomes.copyOfShipped(home);
        originalOut = System.out;
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
    }

    private void add(String fixture) throws Exception {
        Files.copy(FOREIGN.resolve(fixture), home.resolve(TABLES + fixture));
    }

    private CompileResult compileReturns() {
        return new DomainRegistry(home, List.of(new ReturnsDomain())).load("returns");
    }

    private static String claim(String productLine, String purchased, String claimed, boolean registered) {
        return "{\"claim\": {\"claimId\": \"C-1\", \"productLine\": \"" + productLine + "\", \"condition\": \"NEW\","
                + " \"channel\": \"DIRECT\", \"purchaseDate\": \"" + purchased + "\", \"claimDate\": \"" + claimed + "\","
                + " \"purchasePrice\": 199.99, \"reason\": \"DEFECTIVE\", \"opened\": true, \"proofOfPurchase\": true,"
                + " \"registered\": " + registered + "}}";
    }

    private static String warrantyEnd(DecisionService service, String request) {
        DecisionResponse response = service.decide("returns", request.getBytes(StandardCharsets.UTF_8));
        return Json.mapper().valueToTree(response.decision()).get("warrantyEndDate").asText();
    }

    @Test
    void anXlsTableWithoutGroupOrNamesInShorthandIsCompiledIntoTheFirstStageAndDecides() throws Exception {
        add("loyalty-extension.xls");

        CompileResult result = compileReturns();

        assertTrue(result.ok(), () -> result.problems().toString());
        // no NAME column: Drools' names, table name and row; the trace points at the rows
        assertEquals(RuleOrigin.inCell(LOYALTY, "Extension", "B14"), result.ruleSet().origin("Loyalty extension_14"));
        DecisionService service = Services.load(home);
        // a registered new switch: 60 months (sheet Warranty) and 12 from the foreign table's row 14
        assertEquals("2032-10-01", warrantyEnd(service, claim("SWITCH", "2026-10-01", "2026-10-21", true)));
        assertEquals("2031-10-01", warrantyEnd(service, claim("SWITCH", "2026-10-01", "2026-10-21", false)));
        // row 13 says WIFI7_ROUTER, but C12:C13 is merged: Drools reads MESH_SYSTEM there, as table dump shows.
        // A registered mesh system 400 days old: 36 months and row 13's 3
        assertEquals("2028-12-01", warrantyEnd(service, claim("MESH_SYSTEM", "2025-09-01", "2026-10-06", true)));
        assertEquals("2028-10-01", warrantyEnd(service, claim("WIFI7_ROUTER", "2026-10-01", "2026-10-21", true)));
        String dump = WorkbookText.of(Files.readAllBytes(home.resolve(LOYALTY)));
        assertTrue(dump.lines().anyMatch(l -> l.startsWith("   13 ") && l.contains("MESH_SYSTEM")
                && !l.contains("WIFI7_ROUTER")), dump);
    }

    @Test
    void anXlsTableIsCheckedWithItsMessagesByCell() throws Exception {
        add("loyalty-extension.xls");
        Files.writeString(home.resolve(TABLES + "product-lines.csv"), "CONSUMER_ROUTER\nSWITCH\n");

        List<Finding> findings = new SpreadsheetChecks().check(DomainSources.scan(home, "returns")).stream()
                .filter(f -> f.file().equals(LOYALTY) || f.file().endsWith(".csv")).toList();

        Finding names = one(findings, "Extension", "B7", Severity.WARNING);
        assertTrue(names.message().contains("has no NAME column") && names.message().contains("Loyalty extension_12"), names::toString);
        Finding merged = one(findings, "Extension", "C12:C13", Severity.WARNING);
        assertTrue(merged.message().contains("Drools reads every one of them as C12 (\"MESH_SYSTEM\")")
                && merged.message().contains("C13 \"WIFI7_ROUTER\""), merged::toString);
        Finding lists = one(findings, "Lists", null, Severity.INFO);
        assertTrue(lists.message().contains("has no RuleTable cell"), lists::toString);
        Finding csv = findings.stream().filter(f -> f.file().equals(TABLES + "product-lines.csv")).findFirst().orElseThrow();
        assertEquals(Severity.WARNING, csv.severity());
        assertTrue(csv.message().contains("not a rule file"), csv::toString);
    }

    @Test
    void shorthandConditionsAreAnalysedForATableThatDeclaresItsChecks() throws Exception {
        add("loyalty-extension.xls");
        Path xls = home.resolve(LOYALTY);
        // declared for this table only: Table checks <table name>
        Workbooks.set(xls, "Extension", "B6", "Table checks Loyalty extension");
        Workbooks.set(xls, "Extension", "C6", "complete");

        List<Finding> findings = new SpreadsheetChecks().check(DomainSources.scan(home, "returns")).stream()
                .filter(f -> f.file().equals(LOYALTY)).toList();

        // the bare field "registered" and the $1/$2 range are read: no column is left unanalysed
        assertTrue(findings.stream().noneMatch(f -> f.check().equals("not-analysed")), findings::toString);
        // every row says registered true, so the table is about registered claims (docs/spreadsheet-checks.md);
        // among those, the rows cover two product lines (C12:C13 merged reads MESH_SYSTEM twice) and 0-730 days
        List<Finding> gaps = findings.stream().filter(f -> f.check().equals("gap")).toList();
        assertEquals(2, gaps.size(), findings::toString);
        assertTrue(gaps.stream().allMatch(f -> f.severity() == Severity.ERROR && "B7".equals(f.cell())), gaps::toString);
        assertTrue(gaps.get(0).message().startsWith("no row of table Loyalty extension matches when registered is true and"
                + " product line is anything but MESH_SYSTEM and SWITCH"), gaps::toString);
        assertTrue(gaps.get(1).message().contains("product line is MESH_SYSTEM or SWITCH and days since purchase is at most -1"
                + " or at least 731"), gaps::toString);
    }

    @Test
    void aCurlyQuotedEnumerationValueThatCanNeverMatchIsAnError() throws Exception {
        add("loyalty-extension.xls");
        Path xls = home.resolve(LOYALTY);
        // the enumeration compared as text, as Drools examples often do; Drools converts "SWITCH", never \u201cSWITCH\u201d
        Workbooks.set(xls, "Extension", "C10", "productLine == \"$param\"");
        Workbooks.set(xls, "Extension", "C14", "\u201cSWITCH\u201d");

        List<RuleProblem> problems = compileReturns().problems();
        List<Finding> findings = new SpreadsheetChecks().check(DomainSources.scan(home, "returns")).stream()
                .filter(f -> f.file().equals(LOYALTY) && "C14".equals(f.cell())).toList();

        assertEquals(1, problems.size(), problems::toString);
        assertEquals("C14", problems.get(0).cell());
        assertTrue(problems.get(0).message().startsWith("\"\u201cSWITCH\u201d\" is not one of CONSUMER_ROUTER"), problems::toString);
        assertTrue(findings.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.check().equals("curly-quotes")),
                findings::toString);
    }

    @Test
    void aLoneXlsIsReadNeverNoRuleFiles() throws Exception {
        Files.delete(home.resolve(TABLES + "returns-policy.xlsx"));
        add("loyalty-extension.xls");

        CompileResult result = compileReturns();

        assertTrue(result.ok(), () -> result.problems().toString());
        assertEquals(3, result.ruleSet().origins().size(), () -> result.ruleSet().origins().toString());
    }

    @Test
    void aMissingImportIsOneProblemAtThePatternCell() throws Exception {
        add("loyalty-no-import.xls");

        List<RuleProblem> problems = compileReturns().problems();

        assertEquals(1, problems.size(), problems::toString);
        RuleProblem problem = problems.get(0);
        assertEquals(TABLES + "loyalty-no-import.xls", problem.file());
        assertEquals("Extension", problem.sheet());
        assertEquals("B9", problem.cell());
        assertTrue(problem.message().contains("the fact type ReturnCase") && problem.message().contains("add an Import row")
                && problem.message().endsWith("affects rows 12-14"), problem::toString);
    }

    @Test
    void aTableInAGroupNoStageFiresIsRefusedAtItsRowSayingWhatToSet() throws Exception {
        add("pricing-group.xlsx");

        List<RuleProblem> problems = compileReturns().problems();

        assertEquals(1, problems.size(), problems::toString);
        assertEquals("Pricing", problems.get(0).sheet());
        assertEquals("B10", problems.get(0).cell());
        assertTrue(problems.get(0).message().contains("\"pricing\", which is not a stage of returns, so it would never fire:"
                + " set RULEFLOW-GROUP (in the RuleSet area or a column) with one of terms, outcome"), problems::toString);
    }

    @Test
    void aBrokenImportRowOfTheShippedTablesIsOneProblemAndNoCascade() {
        Path xlsx = home.resolve(TABLES + "returns-policy.xlsx");
        Workbooks.set(xlsx, "Outcome", "C7", "smos.retrns.*, smos.common.ProductLine, java.math.BigDecimal");
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));

        int code = Main.run("verify", "--home", home.toString());

        System.setOut(originalOut);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, text);
        List<String> returns = new ArrayList<>();
        boolean inReturns = false;
        for (String line : text.split("\n")) {
            if (!line.startsWith(" ")) {
                inReturns = line.contains(" returns ");
            } else if (inReturns) {
                returns.add(line.strip());
            }
        }
        assertEquals(List.of(TABLES + "returns-policy.xlsx, sheet Outcome, cell C7: the fact type ReturnCase (pattern in"
                + " cell C14) is not found: the Import row (\"smos.retrns.*, smos.common.ProductLine, java.math.BigDecimal\")"
                + " must name its package, for example mypackage.* or mypackage.ReturnCase; affects rows 17-30"), returns, text);
        assertTrue(text.contains("FAILED  returns"), text);
        assertTrue(text.lines().filter(l -> l.startsWith("ok ")).count() >= 9, text);
    }

    /** After each fixture that verify accepts is added, every scenario request of every domain is decided: none fails with a 500. */
    @Test
    void noDecisionFailsAfterAnAcceptedForeignTableIsAdded() throws Exception {
        for (String fixture : List.of("loyalty-extension.xls")) {
            add(fixture);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int verified = Main.run("verify", "--home", home.toString());
            System.setOut(originalOut);
            assertEquals(0, verified, out::toString);
            DecisionService service = Services.load(home);
            int decided = 0;
            for (Path path : ScenarioLoader.find(List.of(home.resolve(ScenarioLoader.SCENARIOS_DIR)))) {
                ScenarioFile file = ScenarioLoader.load(path, path.toString());
                for (Scenario scenario : file.scenarios()) {
                    try {
                        service.decide(file.domain(), Json.mapper().writeValueAsBytes(scenario.given()));
                        decided++;
                    } catch (InvalidRequestException e) {
                        // a 400: scenarios of refused requests exist on purpose
                    } catch (RuntimeException e) {
                        throw new AssertionError("with " + fixture + ", " + file.path() + " / " + scenario.name()
                                + " would answer 500: " + e, e);
                    }
                }
            }
            assertTrue(decided > 100, "decided " + decided);
        }
    }

    private static Finding one(List<Finding> findings, String sheet, String cell, Severity severity) {
        List<Finding> at = findings.stream().filter(f -> sheet.equals(f.sheet()) && java.util.Objects.equals(cell, f.cell())
                && f.severity() == severity).toList();
        assertEquals(1, at.size(), () -> "findings at " + sheet + "!" + cell + ": " + findings);
        return at.get(0);
    }
}
