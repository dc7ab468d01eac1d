package smos.engine.table;

import smos.engine.RuleProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks that must pass before a workbook is compiled: some sheet has a RuleTable, each sheet with
 * one has a RuleSet, every table has rows, a NAME column (when there is one) names every row, and every
 * value cell fits its column. A table without a NAME column compiles with Drools' names
 * ({@code Table_17}); the spreadsheet checks warn about it. Problems name the
 * file, the sheet and the cell, in words a business user understands.
 */
public final class TableValidator {
    private TableValidator() {
    }

    public static List<RuleProblem> validate(WorkbookModel workbook, ClassLoader loader) {
        List<RuleProblem> problems = new ArrayList<>(workbook.problems());
        String file = workbook.file();
        if (workbook.sheets().isEmpty() && problems.isEmpty()) {
            problems.add(RuleProblem.inFile(file, "the workbook has no sheets"));
        }
        if (problems.isEmpty() && !workbook.sheets().isEmpty()
                && workbook.sheets().stream().allMatch(s -> s.tables().isEmpty())) {
            problems.add(RuleProblem.inFile(file, "no sheet has a RuleTable cell, so none of its rows would become rules"));
        }
        for (SheetModel sheet : workbook.sheets()) {
            if (sheet.tables().isEmpty()) {
                if (!sheet.property("RuleSet").isEmpty()) {
                    // a RuleSet announces rules: a misspelt RuleTable cell would silently drop them all
                    problems.add(RuleProblem.inCell(file, sheet.name(), sheet.property("RuleSet").get(0).ref(),
                            "the sheet has a RuleSet but no RuleTable cell, so none of its rows would become rules"));
                }
                continue; // a sheet of drop-down lists or notes: Drools skips it, verify --info names it
            }
            if (sheet.property("RuleSet").isEmpty()) {
                problems.add(RuleProblem.inCell(file, sheet.name(), "A1",
                        "the sheet has no RuleSet row naming the rule package (a cell RuleSet, its value to the right)"));
            }
            for (RuleTableModel table : sheet.tables()) {
                validateTable(file, sheet, table, loader, problems);
            }
        }
        return problems;
    }

    private static void validateTable(String file, SheetModel sheet, RuleTableModel table, ClassLoader loader,
                                      List<RuleProblem> problems) {
        String name = "table " + table.name();
        if (table.columns().isEmpty()) {
            problems.add(RuleProblem.inCell(file, sheet.name(), table.start().ref(),
                    name + " has no column types in the row below it (CONDITION, ACTION, NAME)"));
            return;
        }
        if (table.rows().isEmpty()) {
            problems.add(RuleProblem.inCell(file, sheet.name(), table.start().ref(),
                    name + " has no rows: Drools would make one rule with no conditions from it"));
        }
        for (TableColumn column : table.columns()) {
            if (column.code().hasTemplate() && column.template() == null) {
                problems.add(RuleProblem.inCell(file, sheet.name(), TableCell.ref(column.headerCell().row() + 2,
                        column.column()), column.describe() + " has no code template"));
            }
        }
        ColumnTypes types = new ColumnTypes(sheet, table, loader);
        List<RuleProblem> code = CodeRowCheck.check(file, sheet, table, types);
        if (!code.isEmpty()) {
            // values cannot be typed against a fact that is not found; the code cell is the one to fix
            problems.addAll(code);
            return;
        }
        for (TableRow row : table.rows()) {
            for (TableCell cell : row.cells().values()) {
                var column = table.column(cell.column());
                if (column.isEmpty()) {
                    problems.add(RuleProblem.inCell(file, sheet.name(), cell.ref(), "\"" + cell.text()
                            + "\" is outside the table: its column has no CONDITION or ACTION header"));
                    continue;
                }
                String problem = types.of(column.get()).problem(cell.text());
                if (problem != null) {
                    problems.add(RuleProblem.inCell(file, sheet.name(), cell.ref(),
                            problem + " (" + column.get().describe() + ")"));
                }
            }
            if (table.nameColumn().isPresent() && row.cell(table.nameColumn().get().column()) == null) {
                problems.add(RuleProblem.inCell(file, sheet.name(),
                        TableCell.ref(row.row(), table.nameColumn().get().column()), "the row has no rule name"));
            }
        }
    }
}
