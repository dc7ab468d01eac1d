package smos.checks;

import smos.engine.table.RuleTableModel;

/** A check of one RuleTable of a sheet. */
interface TableCheck {
    void check(CheckedSheet sheet, RuleTableModel table, Findings findings);
}
