package smos.engine;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.returns.ReturnsDomain;
import smos.testing.EchoDomain;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken rule files are reported where a person fixes them: the file, and the sheet and cell of a
 * spreadsheet or the line of a DRL file, never a line of generated DRL.
 */
class RuleFileProblemsTest {
    private static final String POLICY = "decision-tables/returns/returns-policy.xlsx";

    @TempDir
    Path home;

    private Path workbook;

    @BeforeEach
    void copyShippedRules() {
        TestHomes.copyOfShipped(home);
        workbook = home.resolve(POLICY);
    }

    private CompileResult compileReturns() {
        DomainRegistry registry = new DomainRegistry(home, List.of(new ReturnsDomain()));
        return registry.load("returns");
    }

    private static RuleProblem only(CompileResult result) {
        assertFalse(result.ok(), "the broken files compiled");
        assertEquals(1, result.problems().size(), () -> "expected one problem, got " + result.problems());
        return result.problems().get(0);
    }

    @Test
    void shippedRulesCompile() {
        CompileResult result = compileReturns();
        assertTrue(result.ok(), () -> result.problems().toString());
    }

    @Test
    void aWordInANumericCellNamesTheSheetAndCell() {
        String cell = Workbooks.cellOf(workbook, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
        Workbooks.set(workbook, "Outcome", cell, "fifteen percent");

        RuleProblem problem = only(compileReturns());

        assertEquals(POLICY, problem.file());
        assertEquals("Outcome", problem.sheet());
        assertEquals(cell, problem.cell());
        assertNull(problem.line());
        assertTrue(problem.message().startsWith("\"fifteen percent\" is not a number"), problem.message());
        assertTrue(problem.toString().startsWith(POLICY + ", sheet Outcome, cell " + cell + ": "), problem.toString());
    }

    @Test
    void aWordInADaysCellIsNotAWholeNumber() {
        String cell = Workbooks.cellOf(workbook, "DeadOnArrival", "LateDeadOnArrivalIsDefective", "Claimed more than");
        Workbooks.set(workbook, "DeadOnArrival", cell, "thirty");

        RuleProblem problem = only(compileReturns());

        assertEquals("DeadOnArrival", problem.sheet());
        assertEquals(cell, problem.cell());
        assertTrue(problem.message().startsWith("\"thirty\" is not a whole number"), problem.message());
    }

    @Test
    void anUnknownChoiceListsTheAllowedValues() {
        String cell = Workbooks.cellOf(workbook, "Outcome", "LiquidDamageIsDenied", "Outcome");
        Workbooks.set(workbook, "Outcome", cell, "REFUSE");

        RuleProblem problem = only(compileReturns());

        assertEquals(cell, problem.cell());
        assertTrue(problem.message().contains("is not one of REFUND, REPLACE, ADVANCE_REPLACEMENT, REDIRECT_TO_SELLER, DENY"),
                problem.message());
    }

    @Test
    void textThatWouldBreakOutOfItsStringIsRefused() {
        String cell = Workbooks.cellOf(workbook, "Outcome", "LiquidDamageIsDenied", "Reason given");
        Workbooks.set(workbook, "Outcome", cell, "\"); System.exit(0); (\"");

        RuleProblem problem = only(compileReturns());

        assertEquals(cell, problem.cell());
        assertTrue(problem.message().contains("holds a quote"), problem.message());
    }

    @Test
    void aSheetWithoutARuleTableIsSkippedAndNamed() {
        // a sheet of notes (or of drop-down lists) holds no rules: Drools skips it, and so does SMOS
        Workbooks.withWorkbook(workbook, wb -> {
            Sheet notes = wb.createSheet("Notes");
            Row row = notes.createRow(0);
            row.createCell(0).setCellValue("Remember to review the fee in January");
        });

        CompileResult result = compileReturns();

        assertTrue(result.ok(), () -> result.problems().toString());
        var skipped = new smos.checks.SpreadsheetChecks().check(DomainSources.scan(home, "returns")).stream()
                .filter(f -> "Notes".equals(f.sheet())).toList();
        assertEquals(1, skipped.size(), skipped::toString);
        assertEquals(smos.checks.Severity.INFO, skipped.get(0).severity());
        assertTrue(skipped.get(0).message().contains("has no RuleTable cell, so it holds no rules: skipped"), skipped::toString);
    }

    @Test
    void aMisspelledRuleTableCellIsReportedOnItsSheet() {
        Workbooks.withSheet(workbook, "Proof", true, sheet -> {
            for (Row row : sheet) {
                row.forEach(cell -> {
                    if (cell.toString().startsWith("RuleTable")) {
                        cell.setCellValue("RuleTabel Proof");
                    }
                });
            }
        });

        RuleProblem problem = only(compileReturns());

        assertEquals("Proof", problem.sheet());
        assertTrue(problem.message().contains("has a RuleSet but no RuleTable"), problem.message());
    }

    @Test
    void aBrokenTemplateIsReportedInItsColumnNotInGeneratedDrl() {
        Workbooks.withSheet(workbook, "DeadOnArrival", true, sheet -> {
            for (Row row : sheet) {
                row.forEach(cell -> {
                    if (cell.toString().equals("daysSincePurchase > $param")) {
                        cell.setCellValue("daysSincePurchse > $param");
                    }
                });
            }
        });
        String valueCell = Workbooks.cellOf(workbook, "DeadOnArrival", "LateDeadOnArrivalIsDefective", "Claimed more than");
        String templateCell = valueCell.replaceAll("\\d+", "") + "11";

        // one problem at the template (the code row to fix), not one per row that uses it
        RuleProblem problem = only(compileReturns());

        assertEquals(POLICY, problem.file());
        assertEquals("DeadOnArrival", problem.sheet());
        assertEquals(templateCell, problem.cell());
        assertNull(problem.line(), "a spreadsheet problem must not point at generated DRL");
        assertTrue(problem.message().startsWith("ReturnCase has no field daysSincePurchse"), problem.message());
        assertTrue(problem.message().contains("affects rows"), problem.message());
    }

    @Test
    void aBrokenDrlLineIsReportedWithItsFileAndLine() throws Exception {
        Files.writeString(home.resolve("rules/returns/extra.drl"), """
                package smos.returns.extra;
                import smos.returns.ReturnCase;

                rule "BrokenRule"
                    ruleflow-group "outcome"
                when
                    $case: ReturnCase(daysSincePurchase >)
                then
                end
                """);

        CompileResult result = compileReturns();

        assertFalse(result.ok());
        RuleProblem problem = result.problems().get(0);
        assertEquals("rules/returns/extra.drl", problem.file());
        assertEquals(7, problem.line());
        assertNull(problem.sheet());
    }

    @Test
    void aDrlRuleOnAnUnknownFieldIsReportedOnItsLine() throws Exception {
        Files.writeString(home.resolve("rules/returns/extra.drl"), """
                package smos.returns.extra;
                import smos.returns.ReturnCase;

                rule "UnknownField"
                    ruleflow-group "outcome"
                when
                    $case: ReturnCase(colour == "red")
                then
                end
                """);

        RuleProblem problem = compileReturns().problems().get(0);

        assertEquals("rules/returns/extra.drl", problem.file());
        assertEquals(7, problem.line());
    }

    @Test
    void aRuleOutsideTheDomainsStagesIsReported() throws Exception {
        Files.writeString(home.resolve("rules/returns/extra.drl"), """
                package smos.returns.extra;
                import smos.returns.ReturnCase;

                rule "NeverFires"
                    ruleflow-group "outcomes"
                when
                    $case: ReturnCase()
                then
                end
                """);

        RuleProblem problem = only(compileReturns());

        assertEquals("rules/returns/extra.drl", problem.file());
        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("not a stage of returns"), problem.message());
    }

    @Test
    void aRepeatedRuleNameIsReported() {
        String cell = Workbooks.cellOf(workbook, "Warranty", "NewSwitchWarranty", "Rule");
        Workbooks.set(workbook, "Warranty", cell, "NewMeshSystemWarranty");

        RuleProblem problem = only(compileReturns());

        assertEquals("Warranty", problem.sheet());
        assertEquals(cell.replaceAll("[A-Z]+", "B"), problem.cell());
        assertTrue(problem.message().contains("NewMeshSystemWarranty is already used"), problem.message());
    }

    @Test
    void sheetsSharingAPackageWithStageAttributesAreReported() {
        Workbooks.withSheet(workbook, "Proof", true, sheet -> {
            for (Row row : sheet) {
                row.forEach(cell -> {
                    if (cell.toString().equals("smos.returns.proof")) {
                        cell.setCellValue("smos.returns.outcome");
                    }
                });
            }
        });

        CompileResult result = compileReturns();

        assertFalse(result.ok());
        assertTrue(result.problems().stream().anyMatch(p -> "Proof".equals(p.sheet())
                && p.message().contains("apply to the whole package")), result.problems().toString());
    }

    @Test
    void aDomainThatDoesNotCompileLeavesTheOthersServing() throws Exception {
        EchoDomain.install(home);
        String cell = Workbooks.cellOf(workbook, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
        Workbooks.set(workbook, "Outcome", cell, "abc");
        DomainRegistry registry = new DomainRegistry(home, List.of(new ReturnsDomain(), new EchoDomain()));

        registry.loadAll();

        DomainState returns = registry.state("returns").orElseThrow();
        assertEquals(DomainStatus.FAILED, returns.status());
        assertNull(returns.active());
        assertNotNull(returns.lastRejection());
        assertEquals(cell, returns.lastRejection().problems().get(0).cell());
        DomainState echo = registry.state("echo").orElseThrow();
        assertEquals(DomainStatus.ACTIVE, echo.status());
        EchoDomain domain = new EchoDomain();
        Decided<EchoDomain.Decision> decided = Evaluator.evaluate(echo.active(), domain, new EchoDomain.Request("hi"));
        assertEquals("echo hi", decided.decision().answer());
        assertEquals(List.of(new FiredRule("EchoText", "rules/echo/echo.drl", "line 4")), decided.trace());
    }

    @Test
    void theVersionIsAHashOfTheFilesAndChangesWithThem() {
        String before = DomainSources.scan(home, "returns").version();
        assertEquals(before, DomainSources.scan(home, "returns").version());
        String cell = Workbooks.cellOf(workbook, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
        Workbooks.set(workbook, "Outcome", cell, 0.2);
        assertFalse(before.equals(DomainSources.scan(home, "returns").version()));
        assertEquals(12, before.length());
    }
}
