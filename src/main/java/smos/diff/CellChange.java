package smos.diff;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One cell of a decision table that reads differently in the newer version: where ({@code cell} as in
 * {@code E19}, its address in the newer version, or in the older one when the cell is gone), the rule
 * its row is ({@code row}, absent outside a rule row), the label of its column ({@code column}, from the
 * table's label row), and the text before and after as the rules read it (absent when the cell was
 * empty). {@code valueCell} says it is a value of a condition or action in a rule row: the kind of cell
 * an editor may change and the kind that is mutated to see whether a scenario pins it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellChange(String file, String sheet, String cell, String row, String column, String before,
                         String after, Change change, boolean valueCell) {

    /** {@code Approval!E19}. */
    public String where() {
        return sheet + "!" + cell;
    }

    /** {@code Approval!E19 10 -> 12}: the form history entries list. */
    public String summary() {
        return where() + " " + shown(before) + " -> " + shown(after);
    }

    /** {@code Approval!E19 (row "Manager approval", column "Max discount %") 10 -> 12}. */
    public String describe() {
        StringBuilder where = new StringBuilder(where());
        if (row != null || column != null) {
            where.append(" (");
            if (row != null) {
                where.append("row \"").append(row).append('"');
            }
            if (column != null) {
                where.append(row != null ? ", " : "").append("column \"").append(column).append('"');
            }
            where.append(')');
        }
        return where + " " + shown(before) + " -> " + shown(after);
    }

    static String shown(String text) {
        return text == null ? "(empty)" : text;
    }
}
