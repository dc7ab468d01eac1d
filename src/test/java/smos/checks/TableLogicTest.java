package smos.checks;

import org.junit.jupiter.api.Test;
import smos.testing.DecisionTableBuilder;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static smos.checks.BrokenSpreadsheetsTest.all;
import static smos.checks.BrokenSpreadsheetsTest.assertAt;
import static smos.checks.BrokenSpreadsheetsTest.only;

/** Overlaps, rows that never fire and gaps, on tables built from scratch over each kind of input. */
class TableLogicTest {
    private static final String FILE = "decision-tables/test/applicants.xlsx";
    private static final String PATTERN = "$a: Applicant";

    private static DecisionTableBuilder firstMatch() {
        return new DecisionTableBuilder("Applicants")
                .keyword("RuleSet", "smos.checks.fixtures.applicants")
                .keyword("Import", "smos.checks.fixtures.*, java.math.BigDecimal")
                .keyword("Sequential", "true")
                .keyword("ACTIVATION-GROUP", "applicants");
    }

    private static List<Finding> check(DecisionTableBuilder table) {
        return new SpreadsheetChecks().check(FILE, table.bytes());
    }

    @Test
    void wholeNumbersBelowAndFromTheSameThresholdLeaveNoGap() {
        DecisionTableBuilder table = firstMatch()
                .column("CONDITION", PATTERN, "score < $param", "Score below")
                .column("CONDITION", PATTERN, "score >= $param", "Score at least")
                .column("ACTION", null, "$a.decide(\"$param\");", "Outcome")
                .row("Low", 6, null, "low")
                .row("High", null, 6, "high");

        assertEquals(List.of(), check(table).stream().filter(f -> f.severity() != Severity.INFO).toList());
    }

    @Test
    void decimalsBelowAndAboveAThresholdMissTheThresholdItself() {
        DecisionTableBuilder table = firstMatch()
                .column("CONDITION", PATTERN, "ratio < new BigDecimal(\"$param\")", "Ratio below")
                .column("CONDITION", PATTERN, "ratio > new BigDecimal(\"$param\")", "Ratio above")
                .column("ACTION", null, "$a.decide(\"$param\");", "Outcome")
                .row("Below", 0.5, null, "below")
                .row("Above", null, 0.5, "above");

        Finding gap = only(check(table), TableLogicCheck.GAP);
        assertAt(gap, Severity.ERROR, "Applicants", "B" + table.ruleTableRow());
        assertTrue(gap.message().startsWith("no row of table Applicants matches when ratio is 0.5 (for example ratio 0.5)"),
                gap.message());
    }

    @Test
    void textConditionsOverlapOnTheSameTextAndLeaveEveryOtherTextUncovered() {
        DecisionTableBuilder table = firstMatch()
                .column("CONDITION", PATTERN, "state == \"$param\"", "State")
                .column("CONDITION", PATTERN, "member == $param", "Member")
                .column("ACTION", null, "$a.decide(\"$param\");", "Outcome")
                .row("Connecticut", "CT", null, "northeast")
                .row("ConnecticutMember", "CT", true, "northeast member")
                .row("Maine", "ME", null, "northeast");

        List<Finding> findings = check(table);
        Finding never = only(findings, TableLogicCheck.NEVER_FIRES);
        assertAt(never, Severity.ERROR, "Applicants", "B" + (table.firstDataRow() + 1));
        assertTrue(never.message().contains("is taken first by row " + table.firstDataRow() + " (Connecticut)"), never.message());
        Finding gap = only(findings, TableLogicCheck.GAP);
        assertTrue(gap.message().contains("when state is (a value the table does not list)"), gap.message());
    }

    @Test
    void aNotEqualConditionCoversEveryOtherChoice() {
        DecisionTableBuilder table = firstMatch()
                .column("CONDITION", PATTERN, "tier == Tier.$param", "Tier")
                .column("CONDITION", PATTERN, "tier != Tier.$param", "Tier is not")
                .column("ACTION", null, "$a.decide(\"$param\");", "Outcome")
                .row("Gold", "GOLD", null, "gold")
                .row("Others", null, "GOLD", "others");

        assertEquals(List.of(), check(table).stream().filter(f -> f.severity() != Severity.INFO).toList());
    }

    @Test
    void gapsAreDescribedWithTheChoicesLeftOver() {
        DecisionTableBuilder table = firstMatch()
                .column("CONDITION", PATTERN, "tier == Tier.$param", "Tier")
                .column("CONDITION", PATTERN, "member == $param", "Member")
                .column("ACTION", null, "$a.decide(\"$param\");", "Outcome")
                .row("Gold", "GOLD", null, "gold")
                .row("SilverMember", "SILVER", true, "silver");

        List<Finding> gaps = all(check(table), TableLogicCheck.GAP);
        assertEquals(2, gaps.size(), gaps::toString);
        assertTrue(gaps.get(0).message().contains("when tier is BRONZE"), gaps.get(0).message());
        assertTrue(gaps.get(1).message().contains("when tier is SILVER and member is false"), gaps.get(1).message());
    }

    @Test
    void aColumnWithTheSameValueOnEveryRowNamesWhatTheTableIsAbout() {
        // every row is about GOLD applicants: the table need not decide the others
        DecisionTableBuilder table = firstMatch()
                .column("CONDITION", PATTERN, "tier == Tier.$param", "Tier")
                .column("CONDITION", PATTERN, "score >= $param", "Score at least")
                .column("ACTION", null, "$a.decide(\"$param\");", "Outcome")
                .row("GoldHigh", "GOLD", 700, "high")
                .row("GoldRest", "GOLD", null, "rest");

        assertEquals(List.of(), all(check(table), TableLogicCheck.GAP));
    }

    @Test
    void aFirstMatchTableDeclaredIncompleteIsNotCheckedForGaps() {
        DecisionTableBuilder table = firstMatch()
                .keyword("Table checks", "incomplete")
                .column("CONDITION", PATTERN, "tier == Tier.$param", "Tier")
                .column("ACTION", null, "$a.decide(\"$param\");", "Outcome")
                .row("Gold", "GOLD", "gold");

        assertEquals(List.of(), all(check(table), TableLogicCheck.GAP));
    }

    @Test
    void aTableWhereSeveralRowsApplyIsNeitherCheckedForOverlapsNorForGaps() {
        DecisionTableBuilder table = new DecisionTableBuilder("Applicants")
                .keyword("RuleSet", "smos.checks.fixtures.applicants")
                .keyword("Import", "smos.checks.fixtures.*")
                .column("CONDITION", PATTERN, "member == $param", "Member")
                .column("CONDITION", PATTERN, "score >= $param", "Score at least")
                .column("ACTION", null, "$a.decide(\"$param\");", "Outcome")
                .row("Members", true, null, "member")
                .row("HighScores", null, 700, "high");

        assertEquals(List.of(), check(table));
    }
}
