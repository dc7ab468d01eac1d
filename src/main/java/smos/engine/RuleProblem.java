package smos.engine;

/**
 * A problem in a domain's rule files. {@code file} is relative to the repository root; a spreadsheet
 * problem names its {@code sheet} and {@code cell}, a DRL problem its {@code line}. Fields that do
 * not apply are null.
 */
public record RuleProblem(String file, String sheet, String cell, Integer line, String message) {

    public static RuleProblem inCell(String file, String sheet, String cell, String message) {
        return new RuleProblem(file, sheet, cell, null, message);
    }

    public static RuleProblem atLine(String file, Integer line, String message) {
        return new RuleProblem(file, null, null, line, message);
    }

    public static RuleProblem inFile(String file, String message) {
        return new RuleProblem(file, null, null, null, message);
    }

    /** One line a person can act on: {@code file, sheet Outcome, cell F14: "thirty" is not a number}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file == null ? "(domain)" : file);
        if (sheet != null) {
            s.append(", sheet ").append(sheet);
        }
        if (cell != null) {
            s.append(", cell ").append(cell);
        }
        if (line != null) {
            s.append(", line ").append(line);
        }
        return s.append(": ").append(message).toString();
    }
}
