package smos.checks;

import smos.engine.RuleProblem;

import java.util.List;

/**
 * One thing a spreadsheet check found: how much it matters, which check found it, where (file
 * relative to the home, sheet, one or more cells) and a sentence a business user understands.
 */
public record Finding(Severity severity, String check, String file, String sheet, List<String> cells, String message) {

    public Finding {
        cells = List.copyOf(cells);
    }

    /** The first cell named, or null when the finding is about the whole file. */
    public String cell() {
        return cells.isEmpty() ? null : cells.get(0);
    }

    /** The finding as a rule-file problem, the form the gate and the HTTP API report. */
    public RuleProblem toProblem() {
        return RuleProblem.inCell(file, sheet, cell(), message);
    }

    /** {@code ERROR decision-tables/x.xlsx, sheet Outcome, cells B20, B24: ...}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format("%-7s ", severity)).append(file);
        if (sheet != null) {
            s.append(", sheet ").append(sheet);
        }
        if (!cells.isEmpty()) {
            s.append(cells.size() == 1 ? ", cell " : ", cells ").append(String.join(", ", cells));
        }
        return s.append(": ").append(message).toString();
    }
}
