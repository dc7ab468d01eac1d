package smos.engine.table;

import java.util.Map;

/** A data row of a RuleTable: one rule. {@code start} is the cell in the RuleTable's column. */
public record TableRow(String sheet, int row, int startColumn, Map<Integer, TableCell> cells) {

    public TableCell cell(int column) {
        return cells.get(column);
    }

    public String text(int column) {
        TableCell cell = cells.get(column);
        return cell == null ? null : cell.text();
    }

    /** The cell Drools names in its {@code // rule values at B14} comment. */
    public String ref() {
        return TableCell.ref(row, startColumn);
    }

    public String qualified() {
        return sheet + "!" + ref();
    }
}
