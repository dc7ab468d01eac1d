package smos.checks;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellRangeAddress;
import smos.engine.table.RuleTableModel;
import smos.engine.table.TableCell;

import java.util.ArrayList;
import java.util.List;

/**
 * A merged region in a table's data rows: Drools reads every covered cell as the region's first
 * cell, whatever the covered cells hold, so one value silently applies to several rules (and values
 * hidden under the merge are ignored). Spelled out per cell, the table says what it means.
 */
final class MergedDataCheck implements TableCheck {
    static final String ID = "merged-data-cells";

    @Override
    public void check(CheckedSheet sheet, RuleTableModel table, Findings findings) {
        if (table.rows().isEmpty()) {
            return;
        }
        int first = table.rows().get(0).row();
        int last = table.rows().get(table.rows().size() - 1).row();
        for (CellRangeAddress range : sheet.stored().getMergedRegions()) {
            if (range.getLastRow() < first || range.getFirstRow() > last || range.getLastColumn() < table.start().column()) {
                continue;
            }
            String from = TableCell.ref(range.getFirstRow(), range.getFirstColumn());
            // the normalised sheet has every covered cell, the first one included
            String source = sheet.text().of(sheet.cell(range.getFirstRow(), range.getFirstColumn())).trim();
            List<String> hidden = new ArrayList<>();
            for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
                for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
                    Cell covered = sheet.cell(r, c);
                    if ((r != range.getFirstRow() || c != range.getFirstColumn()) && covered != null) {
                        String value = sheet.text().of(covered).trim();
                        if (!value.isEmpty()) {
                            hidden.add(TableCell.ref(r, c) + " \"" + value + "\"");
                        }
                    }
                }
            }
            findings.warning(ID, sheet.file(), sheet.name(), List.of(range.formatAsString()), "cells "
                    + range.formatAsString() + " are merged: Drools reads every one of them as " + from + " (\""
                    + source + "\")" + (hidden.isEmpty() ? "" : ", and ignores what the merge hides: "
                    + String.join(", ", hidden)) + ". Unmerge them and write the value in each row that needs it.");
        }
    }
}
