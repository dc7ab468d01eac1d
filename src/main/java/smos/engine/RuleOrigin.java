package smos.engine;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where a compiled rule was written: its file relative to the repository root, and either the sheet and
 * cell of its table row or the line of its DRL rule. Kept typed so no one parses a location back out of
 * its text; {@link #location()} is only the words a person reads ({@code Outcome!B23}, {@code line 12}).
 */
public record RuleOrigin(String source, String sheet, String cell, Integer line) {

    /** Table rows by file, sheet, then row; DRL rules by file, then line. */
    public static final Comparator<RuleOrigin> READING_ORDER = Comparator.comparing(RuleOrigin::source)
            .thenComparing(o -> o.sheet == null ? "" : o.sheet)
            .thenComparingInt(RuleOrigin::lineOrRow)
            .thenComparing(o -> o.cell == null ? "" : o.cell);

    public RuleOrigin {
        Objects.requireNonNull(source);
        if ((line == null) == (sheet == null || cell == null)) {
            throw new IllegalArgumentException("a rule is written either in a sheet's cell or at a DRL line");
        }
    }

    public static RuleOrigin inCell(String source, String sheet, String cell) {
        return new RuleOrigin(source, sheet, cell, null);
    }

    public static RuleOrigin atLine(String source, int line) {
        return new RuleOrigin(source, null, null, line);
    }

    public boolean isTableRow() {
        return line == null;
    }

    /** The location as a person reads it: {@code Outcome!B23} or {@code line 12}. */
    public String location() {
        return isTableRow() ? sheet + "!" + cell : "line " + line;
    }

    /** A problem at this rule's place. */
    public RuleProblem problem(String message) {
        return isTableRow() ? RuleProblem.inCell(source, sheet, cell, message) : RuleProblem.atLine(source, line, message);
    }

    private int lineOrRow() {
        if (!isTableRow()) {
            return line;
        }
        String digits = cell.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
