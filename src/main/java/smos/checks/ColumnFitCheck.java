package smos.checks;

import smos.engine.table.ColumnTypes;
import smos.engine.table.RuleTableModel;
import smos.engine.table.TableCell;
import smos.engine.table.TableColumn;
import smos.engine.table.TableRow;

import java.util.List;

/**
 * Every value fits its column: a number in a number column, one of the listed values in a choice
 * column, true or false. The column's type comes from its template and the fact field it binds
 * ({@link ColumnTypes}), the same check the compiler makes before any version is built.
 */
final class ColumnFitCheck implements TableCheck {
    static final String ID = "value-does-not-fit";

    @Override
    public void check(CheckedSheet sheet, RuleTableModel table, Findings findings) {
        ColumnTypes types = sheet.types(table);
        for (TableRow row : table.rows()) {
            for (TableCell cell : row.cells().values()) {
                TableColumn column = table.column(cell.column()).orElse(null);
                if (column == null || findings.hasErrorAt(sheet.file(), sheet.name(), cell.ref())) {
                    continue;
                }
                String problem = types.of(column).problem(cell.text());
                if (problem != null) {
                    findings.error(ID, sheet.file(), sheet.name(), List.of(cell.ref()),
                            problem + " (" + column.describe() + ")");
                }
            }
        }
    }
}
