package smos.checks;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import smos.engine.table.RuleTableModel;
import smos.engine.table.TableCell;
import smos.engine.table.TableColumn;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Values right of a table's last column, or in a column without a CONDITION/ACTION header, belong
 * to no column: Drools refuses the sheet. Columns left of the RuleTable cell are for notes.
 */
final class OutsideColumnsCheck implements TableCheck {
    static final String ID = "outside-table";
    private static final int PATTERN_ROW = 2;

    @Override
    public void check(CheckedSheet sheet, RuleTableModel table, Findings findings) {
        if (table.columns().isEmpty()) {
            return;
        }
        Set<Integer> headed = table.columns().stream().map(TableColumn::column).collect(Collectors.toSet());
        int last = table.columns().stream().mapToInt(TableColumn::column).max().orElseThrow();
        String lastLetter = letter(last);
        int lastRow = table.rows().isEmpty() ? table.start().row() + 4 : table.rows().get(table.rows().size() - 1).row();
        for (int r = table.start().row() + PATTERN_ROW; r <= lastRow; r++) {
            Row row = sheet.stored().getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell cell : row) {
                int c = cell.getColumnIndex();
                if (c < table.start().column() || headed.contains(c)) {
                    continue;
                }
                String value = sheet.text().of(cell).trim();
                if (value.isEmpty()) {
                    continue;
                }
                String ref = TableCell.ref(r, c);
                String where = c > last
                        ? "is right of the table's last column (" + lastLetter + ")"
                        : "is in column " + letter(c) + ", which has no CONDITION or ACTION header";
                findings.error(ID, sheet.file(), sheet.name(), List.of(ref), "\"" + value + "\" " + where
                        + ": Drools refuses a value that belongs to no column. Move notes left of column "
                        + letter(table.start().column()) + ", or delete the value.");
            }
        }
    }

    private static String letter(int column) {
        return TableCell.ref(0, column).replaceAll("\\d", "");
    }
}
