package smos.mutation;

/**
 * One change of one value cell: a number nudged by one step down or up, a choice swapped for the
 * next one, a true/false flipped. {@code typedAsText} keeps a value stored as text stored as text.
 */
public record CellMutant(String file, String sheet, int row, int column, String rule, String columnLabel,
                         String original, String mutated, Kind kind, boolean typedAsText) {

    public enum Kind { NUMBER, TRUE_FALSE, CHOICE }

    /** {@code Outcome!F22}. */
    public String cell() {
        return sheet + "!" + smos.engine.table.TableCell.ref(row, column);
    }

    /** {@code 30 -> 31}. */
    public String change() {
        return original + " -> " + mutated;
    }

    /** {@code Outcome!F22 30 -> 31 (rule ChangedMindUnopenedIsRefundedInFull, "Claimed at most (days after purchase)")}. */
    public String describe() {
        return cell() + " " + change() + " (rule " + rule + ", " + columnLabel + ")";
    }
}
