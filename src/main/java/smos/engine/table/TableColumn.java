package smos.engine.table;

/**
 * One column of a RuleTable: its kind, the pattern it belongs to (for conditions), the code
 * template the cell values are pasted into, and the plain-language label a business user reads.
 */
public record TableColumn(int column, ColumnCode code, TableCell headerCell, String pattern, String template,
                          TableCell templateCell, String label) {

    public String describe() {
        return label == null || label.isBlank() ? "column " + TableCell.ref(headerCell.row(), column).replaceAll("\\d", "")
                : "column \"" + label.replaceAll("\\s+", " ").trim() + "\"";
    }
}
