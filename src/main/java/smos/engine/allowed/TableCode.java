package smos.engine.allowed;

import smos.engine.table.GeneratedDrl;
import smos.engine.table.RuleTableModel;
import smos.engine.table.SheetModel;
import smos.engine.table.TableCell;
import smos.engine.table.TableColumn;
import smos.engine.table.TableRow;
import smos.engine.table.WorkbookModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the cell of a decision table that holds refused code: the code row (template) of the
 * column that uses it, else the rule's own value cell that does, else the rule's row; for code
 * outside rules (imports, variables, functions), the RuleSet-area cell that holds it.
 */
final class TableCode {
    private TableCode() {
    }

    /** @param what the refused use, {@code java.lang.Runtime.exec}: its last names are looked for in the cells */
    static String cell(GeneratedDrl drl, WorkbookModel workbook, String rule, String what) {
        Optional<SheetModel> sheet = workbook == null ? Optional.empty()
                : workbook.sheets().stream().filter(s -> s.name().equals(drl.sheet())).findFirst();
        if (sheet.isEmpty()) {
            return null;
        }
        List<String> needles = needles(what);
        if (rule != null) {
            for (RuleTableModel table : sheet.get().tables()) {
                for (TableRow row : table.rows()) {
                    if (table.ruleName(row).equals(rule)) {
                        return inRow(table, row, needles);
                    }
                }
            }
        }
        List<TableCell> properties = new ArrayList<>();
        sheet.get().properties().values().forEach(properties::addAll);
        for (String needle : needles) {
            for (TableCell cell : properties) {
                if (cell.text().contains(needle)) {
                    return cell.ref();
                }
            }
        }
        return properties.isEmpty() ? null : properties.get(0).ref();
    }

    private static String inRow(RuleTableModel table, TableRow row, List<String> needles) {
        for (String needle : needles) {
            for (TableColumn column : table.columns()) {
                if (column.templateCell() != null && column.templateCell().text().contains(needle)) {
                    return column.templateCell().ref();
                }
                TableCell value = row.cell(column.column());
                if (value != null && column.template() != null && value.text().contains(needle)) {
                    return value.ref();
                }
            }
        }
        return row.ref();
    }

    /** {@code java.lang.Runtime.exec}: {@code exec(}, then {@code Runtime}, then the whole text. */
    private static List<String> needles(String what) {
        List<String> needles = new ArrayList<>();
        String[] parts = what.split("\\.");
        if (parts.length > 1) {
            needles.add(parts[parts.length - 1]);
            needles.add(parts[parts.length - 2]);
        }
        needles.add(what);
        return needles;
    }
}
