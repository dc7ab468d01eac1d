package smos.diff;

/**
 * A rule row that only one of the versions has: added or removed. {@code cell} is the row's first cell
 * in its table ({@code B23}) in the version that has it; {@code row} the rule's name.
 */
public record RowChange(String file, String sheet, String cell, String row, Change change) {

    /** {@code Approval!B23 row "Director approval" added}. */
    public String summary() {
        return sheet + "!" + cell + " row \"" + row + "\" " + change.word();
    }
}
