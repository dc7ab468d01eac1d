package smos.checks;

import smos.engine.table.RuleTableModel;
import smos.engine.table.TableRow;

import java.util.List;
import java.util.stream.Stream;

/**
 * A hidden data row is still a rule: hiding a row does not switch it off. The code rows above the
 * labels are grouped and hidden on purpose and are not reported.
 */
final class HiddenRowCheck implements TableCheck {
    static final String ID = "hidden-row";

    @Override
    public void check(CheckedSheet sheet, RuleTableModel table, Findings findings) {
        Stream.concat(table.rows().stream(), table.rowsAfterGap().stream())
                .filter(row -> sheet.hidden(row.row()))
                .forEach(row -> findings.warning(ID, sheet.file(), sheet.name(), List.of(row.ref()),
                        "row " + (row.row() + 1) + " is hidden, but Drools still reads it"
                                + (table.rows().contains(row) ? " as rule " + table.ruleName(row) : "")
                                + ": hiding a row does not switch it off. Unhide it, or delete it to remove the rule."));
    }
}
