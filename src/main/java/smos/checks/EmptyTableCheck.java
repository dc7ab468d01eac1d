package smos.checks;

import smos.engine.table.RuleTableModel;

import java.util.List;

/** A RuleTable without data rows makes no rules (Drools would even make one rule with no conditions). */
final class EmptyTableCheck implements TableCheck {
    static final String ID = "empty-table";

    @Override
    public void check(CheckedSheet sheet, RuleTableModel table, Findings findings) {
        if (!table.rows().isEmpty()) {
            return;
        }
        String why = table.rowsAfterGap().isEmpty() ? "has no rows below its labels"
                : "has no rows before its first blank row, and Drools reads none after it";
        findings.error(ID, sheet.file(), sheet.name(), List.of(table.start().ref()),
                "table " + table.name() + " " + why + ": it decides nothing. Add rows directly below the blue label row.");
    }
}
