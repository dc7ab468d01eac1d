package smos.workbooks;

import org.junit.jupiter.api.Test;
import smos.checks.Finding;
import smos.checks.SpreadsheetChecks;
import smos.checks.logic.RequestBounds;
import smos.request.NonNegative;
import smos.request.Positive;
import smos.request.Range;
import smos.testing.DecisionTableBuilder;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request contract bounds the inputs the overlap and gap analysis considers. */
class RequestBoundsTest {
    record Applicant(@NonNegative Integer score, @Positive java.math.BigDecimal ratio) {
    }

    record ApplicantRequest(Applicant applicant, @Range(min = "0", max = "100", maxExclusive = true) Integer age) {
    }

    @Test
    void boundsAreReadFromNestedRecords() {
        assertEquals(List.of(new RequestBounds.Bound("age", ">=", "0"), new RequestBounds.Bound("age", "<", "100"),
                        new RequestBounds.Bound("score", ">=", "0"), new RequestBounds.Bound("ratio", ">", "0")),
                RequestBounds.of(ApplicantRequest.class).stream()
                        .sorted(java.util.Comparator.comparing(b -> List.of("age", "score", "ratio").indexOf(b.field())))
                        .toList());
    }

    @Test
    void aScoreTheContractRefusesIsNeitherAGapNorAnExample() {
        // first match, so every input must be decided: rows cover scores 0 and more
        DecisionTableBuilder table = new DecisionTableBuilder("Applicants")
                .keyword("RuleSet", "smos.checks.fixtures.applicants")
                .keyword("Import", "smos.checks.fixtures.*")
                .keyword("Sequential", "true")
                .keyword("ACTIVATION-GROUP", "applicants")
                .column("CONDITION", "$a: Applicant", "score >= $param", "Score at least")
                .column("ACTION", null, "$a.decide(\"$param\");", "Outcome")
                .row("Scored", 0, "scored");
        String file = "decision-tables/test/applicants.xlsx";

        List<Finding> unbounded = new SpreadsheetChecks().check(file, table.bytes()).stream()
                .filter(f -> f.check().equals("gap")).toList();
        List<Finding> bounded = new SpreadsheetChecks().check(file, table.bytes(), ApplicantRequest.class).stream()
                .filter(f -> f.check().equals("gap")).toList();

        assertEquals(1, unbounded.size(), unbounded::toString);
        assertTrue(unbounded.get(0).message().contains("score is less than 0") || unbounded.get(0).message().contains("-1"),
                unbounded::toString);
        assertEquals(List.of(), bounded, "a negative score is refused by the contract (@NonNegative)");
    }
}
