package smos.coverage;

import java.util.List;

/**
 * One rule of a domain and the scenarios that fired it. {@code kind} is {@code table row} for a rule
 * from a decision table ({@code location} its sheet and cell, {@code Outcome!B23}) or {@code DRL rule}
 * ({@code location} its line).
 */
public record RuleCoverage(String rule, String source, String location, String kind, List<String> firedBy) {
    public static final String TABLE_ROW = "table row";
    public static final String DRL_RULE = "DRL rule";

    public RuleCoverage {
        firedBy = List.copyOf(firedBy);
    }

    public boolean fired() {
        return !firedBy.isEmpty();
    }

    public boolean tableRow() {
        return TABLE_ROW.equals(kind);
    }

    /** {@code Outcome!B23 ChangedMindOpenedIsRefundedLessFee (decision-tables/returns/returns-policy.xlsx)}. */
    public String describe() {
        return location + " " + rule + " (" + source + ")";
    }
}
