package smos.checks;

import smos.engine.table.RuleTableModel;
import smos.engine.table.TableCell;
import smos.engine.table.TableColumn;
import smos.engine.table.TableRow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row has a rule name, and no two rows of a domain share one: traces, coverage and
 * {@code expectRules} refer to rows by name. Collects the names of all tables of a domain first.
 */
final class RuleNameCheck {
    static final String MISSING = "missing-rule-name";
    static final String DUPLICATE = "duplicate-rule-name";

    private record Named(String file, String sheet, String cell) {
    }

    private final Map<String, Named> seen = new HashMap<>();

    void check(CheckedSheet sheet, RuleTableModel table, Findings findings) {
        TableColumn nameColumn = table.nameColumn().orElse(null);
        if (nameColumn == null) {
            if (!table.columns().isEmpty()) {
                findings.warning(MISSING, sheet.file(), sheet.name(), List.of(table.start().ref()), "table " + table.name()
                        + " has no NAME column, so its rules are named by row" + (table.rows().isEmpty() ? ""
                        : " (" + table.ruleName(table.rows().get(0)) + ")") + ", and the names change when a row is inserted: add a NAME column"
                        + " (smos table import --write adds one) for stable names in traces, coverage and scenarios.");
            }
            return;
        }
        for (TableRow row : table.rows()) {
            String cell = TableCell.ref(row.row(), nameColumn.column());
            String name = row.text(nameColumn.column());
            if (name == null) {
                findings.error(MISSING, sheet.file(), sheet.name(), List.of(cell), "row " + (row.row() + 1)
                        + " has no rule name: give it a unique name (letters and digits) in this cell.");
                continue;
            }
            Named first = seen.putIfAbsent(name.trim(), new Named(sheet.file(), sheet.name(), cell));
            if (first != null) {
                boolean sameSheet = first.file().equals(sheet.file()) && first.sheet().equals(sheet.name());
                List<String> cells = sameSheet ? List.of(first.cell(), cell) : List.of(cell);
                String where = sameSheet ? "cell " + first.cell()
                        : "sheet " + first.sheet() + " cell " + first.cell()
                        + (first.file().equals(sheet.file()) ? "" : " of " + first.file());
                findings.error(DUPLICATE, sheet.file(), sheet.name(), cells, "the rule name " + name.trim()
                        + " is already used at " + where + ": every row of a domain needs its own name.");
            }
        }
    }
}
