package smos.engine.table;

import org.apache.poi.ss.util.CellReference;

/** A non-empty cell of a decision-table sheet, with its text as Drools reads it. */
public record TableCell(String sheet, int row, int column, String text) {

    public String ref() {
        return ref(row, column);
    }

    /** {@code Outcome!B14}: the form traces and coverage use. */
    public String qualified() {
        return sheet + "!" + ref();
    }

    public static String ref(int row, int column) {
        return CellReference.convertNumToColString(column) + (row + 1);
    }
}
