package smos.checks;

import smos.engine.table.RuleTableModel;
import smos.engine.table.TableRow;

/** How findings name a row to a business user: {@code row 24 (ChangedMindAfterWindowIsDenied)}. */
final class Rows {
    private Rows() {
    }

    static String describe(RuleTableModel table, TableRow row) {
        return "row " + (row.row() + 1) + " (" + table.ruleName(row) + ")";
    }

    /** The cell holding the row's rule name, else the row's first cell in the table. */
    static String nameCell(RuleTableModel table, TableRow row) {
        return table.nameColumn().map(c -> smos.engine.table.TableCell.ref(row.row(), c.column())).orElse(row.ref());
    }
}
