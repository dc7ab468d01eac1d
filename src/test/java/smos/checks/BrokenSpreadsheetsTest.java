package smos.checks;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One deliberately broken copy of a shipped workbook per check: each finding is reported with its
 * severity, sheet and cell, in words a business user can act on.
 */
class BrokenSpreadsheetsTest {
    private static final String RETURNS = "decision-tables/returns/returns-policy.xlsx";
    private static final String LADDER = "decision-tables/performance-review/performance-review-policy.xlsx";
    private static final String ESCALATION = "decision-tables/case-escalation/case-escalation-policy.xlsx";

    @TempDir
    Path home;

    @BeforeEach
    void copyShipped() {
        TestHomes.copyOfShipped(home);
    }

    @Test
    void theShippedReturnsWorkbookHasNoErrorsOrWarnings() {
        List<Finding> findings = check(RETURNS);
        assertEquals(List.of(), findings.stream().filter(f -> f.severity() != Severity.INFO).toList());
        // Proof is a table where several rows may apply: its two rows overlap by design and are not reported
        assertTrue(findings.stream().noneMatch(f -> f.sheet().equals("Proof")), findings::toString);
    }

    @Test
    void rowsAfterABlankRowAreReportedBecauseDroolsDropsThem() {
        // the last rule of Outcome (row 30) moved two rows down: rows 30 and 31 are blank
        Workbooks.withSheet(path(RETURNS), "Outcome", true, sheet -> sheet.shiftRows(29, 29, 2));

        Finding f = only(check(RETURNS), BlankRowCheck.ID);
        assertAt(f, Severity.ERROR, "Outcome", "B32");
        assertTrue(f.message().contains("row 32 comes after the blank row 30"), f.message());
        assertTrue(f.message().contains("Drools ignores this row"), f.message());
    }

    @Test
    void aHiddenDataRowIsReportedButTheHiddenCodeRowsAreNot() {
        Workbooks.withSheet(path(RETURNS), "Outcome", true, sheet -> sheet.getRow(22).setZeroHeight(true));

        Finding f = only(check(RETURNS), HiddenRowCheck.ID);
        assertAt(f, Severity.WARNING, "Outcome", "B23");
        assertTrue(f.message().contains("row 23 is hidden, but Drools still reads it as rule ChangedMindOpenedIsRefundedLessFee"),
                f.message());
    }

    @Test
    void aValueRightOfTheLastColumnIsReportedAndNotesLeftOfTheTableAreNot() {
        Workbooks.set(path(RETURNS), "Outcome", "P23", "check with legal");
        Workbooks.set(path(RETURNS), "Outcome", "A23", "a note in column A is fine");

        Finding f = only(check(RETURNS), OutsideColumnsCheck.ID);
        assertAt(f, Severity.ERROR, "Outcome", "P23");
        assertTrue(f.message().contains("\"check with legal\" is right of the table's last column (O)"), f.message());
    }

    @Test
    void aNumberStoredAsTextIsAWarning() {
        Workbooks.set(path(RETURNS), "Outcome", "L23", "0.15");

        Finding f = only(check(RETURNS), NumbersAsTextCheck.AS_TEXT);
        assertAt(f, Severity.WARNING, "Outcome", "L23");
        assertTrue(f.message().startsWith("0.15 is a number stored as text"), f.message());
    }

    @Test
    void aNumberShownWithFewerDecimalsThanItHoldsIsAWarning() {
        Workbooks.withSheet(path(RETURNS), "Outcome", true, sheet -> {
            Cell cell = sheet.getRow(22).getCell(11);
            CellStyle style = sheet.getWorkbook().createCellStyle();
            style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("0.00"));
            cell.setCellStyle(style);
            cell.setCellValue(0.155);
        });

        Finding f = only(check(RETURNS), NumbersAsTextCheck.SHOWN);
        assertAt(f, Severity.WARNING, "Outcome", "L23");
        assertTrue(f.message().startsWith("the cell shows 0.16 but holds 0.155, and the rules use 0.155"), f.message());
    }

    @Test
    void curlyQuotesBreakAChoiceAndAreWornByText() {
        Workbooks.set(path(RETURNS), "Outcome", "C17", "\u201CPHYSICAL_DAMAGE\u201D");
        Workbooks.set(path(RETURNS), "Outcome", "O18", "\u201CLiquid damage is not covered.\u201D");

        List<Finding> quotes = all(check(RETURNS), QuotesAndSpacesCheck.QUOTES);
        assertEquals(2, quotes.size(), quotes::toString);
        assertAt(quotes.get(0), Severity.ERROR, "Outcome", "C17");
        assertTrue(quotes.get(0).message().contains("holds curly quotes: this column takes one of CHANGED_MIND"),
                quotes.get(0).message());
        assertAt(quotes.get(1), Severity.WARNING, "Outcome", "O18");
        assertTrue(quotes.get(1).message().contains("is wrapped in curly quotes"), quotes.get(1).message());
    }

    @Test
    void curlyQuotesInATemplateAreAnError() {
        Workbooks.set(path(RETURNS), "Outcome", "N15", "$case.offer(\u201C$param\u201D);");

        Finding f = all(check(RETURNS), QuotesAndSpacesCheck.QUOTES).get(0);
        assertAt(f, Severity.ERROR, "Outcome", "N15");
        assertTrue(f.message().contains("Drools needs straight quotes"), f.message());
    }

    @Test
    void strayAndNonBreakingSpacesAreReported() {
        Workbooks.set(path(RETURNS), "Outcome", "C17", "PHYSICAL_DAMAGE ");
        Workbooks.set(path(RETURNS), "Outcome", "C18", "LIQUID_DAMAGE\u00A0");

        List<Finding> spaces = all(check(RETURNS), QuotesAndSpacesCheck.SPACES);
        assertEquals(2, spaces.size(), spaces::toString);
        assertAt(spaces.get(0), Severity.WARNING, "Outcome", "C17");
        assertTrue(spaces.get(0).message().contains("has a space at its end"), spaces.get(0).message());
        assertAt(spaces.get(1), Severity.ERROR, "Outcome", "C18");
        assertTrue(spaces.get(1).message().contains("invisible non-breaking space"), spaces.get(1).message());
        // the non-breaking space is reported once, not again as an unknown choice
        assertTrue(all(check(RETURNS), ColumnFitCheck.ID).isEmpty());
    }

    @Test
    void aValueThatDoesNotFitItsColumnNamesTheColumnType() {
        Workbooks.set(path(RETURNS), "Outcome", "D20", "SHOP");
        Workbooks.set(path(RETURNS), "Outcome", "F22", "thirty");

        List<Finding> fit = all(check(RETURNS), ColumnFitCheck.ID);
        assertEquals(2, fit.size(), fit::toString);
        assertAt(fit.get(0), Severity.ERROR, "Outcome", "D20");
        assertTrue(fit.get(0).message().startsWith("\"SHOP\" is not one of DIRECT, RETAILER, DISTRIBUTOR"), fit.get(0).message());
        assertAt(fit.get(1), Severity.ERROR, "Outcome", "F22");
        assertTrue(fit.get(1).message().startsWith("\"thirty\" is not a whole number"), fit.get(1).message());
    }

    @Test
    void aRepeatedRuleNameIsReportedAtBothCells() {
        Workbooks.set(path(RETURNS), "Warranty", "B15", "NewConsumerRouterWarranty");

        Finding f = only(check(RETURNS), RuleNameCheck.DUPLICATE);
        assertEquals(List.of("B14", "B15"), f.cells());
        assertAt(f, Severity.ERROR, "Warranty", "B14");
    }

    @Test
    void aRuleNameRepeatedOnAnotherSheetNamesThatSheet() {
        Workbooks.set(path(RETURNS), "Proof", "B13", "PhysicalDamageIsDenied");

        Finding f = only(check(RETURNS), RuleNameCheck.DUPLICATE);
        assertAt(f, Severity.ERROR, "Proof", "B13");
        assertTrue(f.message().contains("already used at sheet Outcome cell B17"), f.message());
    }

    @Test
    void aRowWithoutARuleNameIsReported() {
        Workbooks.set(path(RETURNS), "Proof", "B14", null);

        assertAt(only(check(RETURNS), RuleNameCheck.MISSING), Severity.ERROR, "Proof", "B14");
    }

    @Test
    void aTableWithNoDataRowsIsReportedAtItsRuleTableCell() {
        Workbooks.withSheet(path(RETURNS), "DeadOnArrival", true, sheet -> sheet.removeRow(sheet.getRow(12)));

        Finding f = only(check(RETURNS), EmptyTableCheck.ID);
        assertAt(f, Severity.ERROR, "DeadOnArrival", "B8");
        assertTrue(f.message().contains("table DeadOnArrival has no rows"), f.message());
    }

    @Test
    void overlappingRowsOfAFirstMatchTableAreInformationNamingTheWinner() {
        Finding f = check(RETURNS).stream().filter(x -> x.check().equals(TableLogicCheck.OVERLAP)
                && x.cells().equals(List.of("B20", "B24"))).findFirst().orElseThrow();
        assertEquals(Severity.INFO, f.severity());
        assertEquals("rows 20 and 24 both match, for example effective reason CHANGED_MIND, channel RETAILER, "
                + "days since purchase 31: row 20 (ChangedMindAtRetailerGoesBackToSeller) comes first and wins over "
                + "row 24 (ChangedMindAfterWindowIsDenied).", f.message());
    }

    @Test
    void overlappingRowsOfAUniqueTableAreAnError() {
        // Warranty is declared unique: a second row for new consumer routers overlaps the first
        Workbooks.set(path(RETURNS), "Warranty", "D15", "CONSUMER_ROUTER");

        Finding f = only(errors(check(RETURNS)), TableLogicCheck.OVERLAP);
        assertAt(f, Severity.ERROR, "Warranty", "B14");
        assertEquals(List.of("B14", "B15"), f.cells());
        assertTrue(f.message().contains("row 14 (NewConsumerRouterWarranty) and row 15 (NewWifi7RouterWarranty) both match,"
                + " for example condition NEW, product line CONSUMER_ROUTER"), f.message());
        // and new Wi-Fi 7 routers are left without a warranty
        Finding gap = only(check(RETURNS), TableLogicCheck.GAP);
        assertTrue(gap.message().contains("condition is NEW and product line is WIFI7_ROUTER"), gap.message());
    }

    @Test
    void overlapsInAnActivationGroupWithoutSequentialAreAnError() {
        Workbooks.withSheet(path(ESCALATION), "Ownership", true, sheet -> {
            Row sequential = sheet.getRow(6);
            sequential.removeCell(sequential.getCell(1));
            sequential.removeCell(sequential.getCell(2));
        });

        Finding f = only(errors(check(ESCALATION)), TableLogicCheck.OVERLAP);
        assertAt(f, Severity.ERROR, "Ownership", "B16");
        assertTrue(f.message().contains("for example executive complaint true, strategic account true: only one of them fires,"
                + " and the sheet does not say which"), f.message());
    }

    @Test
    void aRowThatEarlierRowsAlwaysBeatIsAnError() {
        // the dead-on-arrival row now repeats the physical-damage row above it
        Workbooks.set(path(RETURNS), "Outcome", "C19", "PHYSICAL_DAMAGE");

        Finding f = only(check(RETURNS), TableLogicCheck.NEVER_FIRES);
        assertAt(f, Severity.ERROR, "Outcome", "B19");
        assertEquals(List.of("B19", "B17"), f.cells());
        assertTrue(f.message().startsWith("row 19 (DeadOnArrivalGetsAdvanceReplacement) can never fire: every input it matches"
                + " is taken first by row 17 (PhysicalDamageIsDenied)"), f.message());
    }

    @Test
    void aGapInACompleteTableGivesAnExampleInput() {
        // no target row for P4 any more
        Workbooks.withSheet(path(ESCALATION), "Targets", true, sheet -> sheet.removeRow(sheet.getRow(16)));

        Finding f = only(check(ESCALATION), TableLogicCheck.GAP);
        assertAt(f, Severity.ERROR, "Targets", "B9");
        assertTrue(f.message().startsWith("no row of table Targets matches when effective priority is P4 (for example"
                + " effective priority P4), but the table is declared complete"), f.message());
    }

    @Test
    void aFirstMatchTableIsCompleteByConventionAndItsDeclaredRangesCount() {
        // without 'Table checks: ladderStep >= 0' the ladder would have to decide a step of -1
        Workbooks.set(path(LADDER), "Ladder", "C11", null);
        Workbooks.set(path(LADDER), "Ladder", "B11", null);

        Finding f = only(check(LADDER), TableLogicCheck.GAP);
        assertAt(f, Severity.ERROR, "Ladder", "B12");
        assertTrue(f.message().contains("when tenure months is at least 6 and ladder step is at most -1 (for example tenure"
                + " months 6, ladder step -1), but a table where one row applies must decide every input"), f.message());
    }

    @Test
    void aConditionOfAnotherFormIsReportedAsNotAnalysed() {
        Workbooks.set(path(LADDER), "Ladder", "E15", "latestAttainment.compareTo(new BigDecimal(\"$param\")) >= 0");

        Finding f = only(check(LADDER), TableLogicCheck.NOT_ANALYSED);
        assertAt(f, Severity.WARNING, "Ladder", "E15");
        assertTrue(f.message().startsWith("Overlaps and gaps of table Ladder were not analysed: column \"Latest attainment"
                + " at least"), f.message());
    }

    @Test
    void aMistypedDeclarationIsAnError() {
        Workbooks.set(path(LADDER), "Ladder", "C11", "ladderStep >= 0, compelte");

        Finding f = only(check(LADDER), TableLogicCheck.DECLARATION);
        assertAt(f, Severity.ERROR, "Ladder", "C11");
        assertTrue(f.message().contains("does not know \"compelte\""), f.message());
    }

    @Test
    void aDeclaredRangeOfAnInputNoConditionReadsIsAnError() {
        Workbooks.set(path(LADDER), "Ladder", "C11", "ladderSteps >= 0");

        Finding f = only(check(LADDER), TableLogicCheck.DECLARATION);
        assertAt(f, Severity.ERROR, "Ladder", "C11");
        assertTrue(f.message().contains("no condition of table Ladder reads ladderSteps"), f.message());
    }

    private Path path(String file) {
        return home.resolve(file);
    }

    private List<Finding> check(String file) {
        try {
            return new SpreadsheetChecks().check(file, Files.readAllBytes(path(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    static List<Finding> all(List<Finding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).toList();
    }

    static Finding only(List<Finding> findings, String check) {
        List<Finding> matching = all(findings, check);
        if (matching.size() != 1) {
            fail("expected one " + check + " finding, got " + matching.size() + ":\n"
                    + findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
        }
        return matching.get(0);
    }

    static void assertAt(Finding f, Severity severity, String sheet, String cell) {
        assertEquals(severity, f.severity(), f::toString);
        assertEquals(sheet, f.sheet(), f::toString);
        assertEquals(cell, f.cell(), f::toString);
    }
}
