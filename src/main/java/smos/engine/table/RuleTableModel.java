package smos.engine.table;

import java.util.List;
import java.util.Optional;

/**
 * A RuleTable block: the cell that starts it, its columns and its data rows (rules). Rows that
 * follow a fully blank row are kept apart in {@code rowsAfterGap}: Drools silently drops them.
 */
public record RuleTableModel(String sheet, String name, TableCell start, List<TableColumn> columns,
                             List<TableRow> rows, List<TableRow> rowsAfterGap) {

    public Optional<TableColumn> nameColumn() {
        return columns.stream().filter(c -> c.code() == ColumnCode.NAME).findFirst();
    }

    public Optional<TableColumn> column(int column) {
        return columns.stream().filter(c -> c.column() == column).findFirst();
    }

    /** The rule name Drools gives a row: its NAME cell, else {@code <table>_<row number>}. */
    public String ruleName(TableRow row) {
        String named = nameColumn().map(c -> row.text(c.column())).orElse(null);
        return named != null ? named.trim() : name + "_" + (row.row() + 1);
    }
}
