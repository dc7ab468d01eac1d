package smos.engine;

import smos.engine.table.GeneratedDrl;
import smos.engine.table.RuleTableModel;
import smos.engine.table.SheetModel;
import smos.engine.table.TableCell;
import smos.engine.table.TableColumn;
import smos.engine.table.TableRow;
import smos.engine.table.WorkbookModel;

import java.util.Optional;

/**
 * Finds the cell behind a compile error in generated DRL: the row from Drools' {@code rule values at}
 * comment, then the column whose value the error quotes or whose template produced the failing line.
 */
final class GeneratedErrorLocator {
    private GeneratedErrorLocator() {
    }

    static String cell(GeneratedDrl drl, WorkbookModel workbook, int line, String message) {
        String rowCell = line > 0 ? drl.cellAtLine(line) : null;
        Optional<SheetModel> sheet = workbook == null ? Optional.empty()
                : workbook.sheets().stream().filter(s -> s.name().equals(drl.sheet())).findFirst();
        if (rowCell == null) {
            // an error in the package header: the Import or RuleSet cell
            return sheet.flatMap(s -> s.property("Import").stream().findFirst()
                            .or(() -> s.property("RuleSet").stream().findFirst()))
                    .map(TableCell::ref).orElse(null);
        }
        if (sheet.isEmpty()) {
            return rowCell;
        }
        String lineText = drl.lineText(line);
        for (RuleTableModel table : sheet.get().tables()) {
            for (TableRow row : table.rows()) {
                if (!row.ref().equals(rowCell)) {
                    continue;
                }
                String quoted = quotedColumn(table, row, message);
                if (quoted != null) {
                    return quoted;
                }
                String produced = producingColumn(table, row, lineText);
                return produced != null ? produced : rowCell;
            }
        }
        return rowCell;
    }

    private static String quotedColumn(RuleTableModel table, TableRow row, String message) {
        for (TableColumn column : table.columns()) {
            TableCell cell = row.cell(column.column());
            if (cell != null && column.template() != null && cell.text().length() > 1 && message.contains(cell.text())) {
                return cell.ref();
            }
        }
        return null;
    }

    private static String producingColumn(RuleTableModel table, TableRow row, String lineText) {
        for (TableColumn column : table.columns()) {
            TableCell cell = row.cell(column.column());
            if (cell != null && column.template() != null
                    && lineText.contains(column.template().replace("$param", cell.text()).trim())) {
                return cell.ref();
            }
        }
        return null;
    }
}
