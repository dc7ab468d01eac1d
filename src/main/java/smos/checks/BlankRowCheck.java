package smos.checks;

import smos.engine.table.RuleTableModel;
import smos.engine.table.TableCell;
import smos.engine.table.TableRow;

import java.util.List;

/**
 * Drools ends a table at its first fully blank row and silently drops every row after it. Columns
 * left of the RuleTable cell do not count: they are for notes.
 */
final class BlankRowCheck implements TableCheck {
    static final String ID = "rows-after-blank-row";

    @Override
    public void check(CheckedSheet sheet, RuleTableModel table, Findings findings) {
        for (TableRow row : table.rowsAfterGap()) {
            int blank = firstBlankRow(table);
            String cell = row.cells().values().iterator().next().ref();
            findings.error(ID, sheet.file(), sheet.name(), List.of(cell),
                    "row " + (row.row() + 1) + " comes after the blank row " + (blank + 1) + ", where table "
                            + table.name() + " ends: Drools ignores this row and every row after the blank one. "
                            + "Delete the blank row" + notesHint(table) + ".");
        }
    }

    private static int firstBlankRow(RuleTableModel table) {
        int last = table.rows().isEmpty() ? table.start().row() + 4 : table.rows().get(table.rows().size() - 1).row();
        return last + 1;
    }

    /** Notes belong left of the RuleTable column, where Drools never looks. */
    private static String notesHint(RuleTableModel table) {
        return table.start().column() == 0 ? ""
                : ", or move notes left of column " + TableCell.ref(0, table.start().column()).replaceAll("\\d", "");
    }
}
