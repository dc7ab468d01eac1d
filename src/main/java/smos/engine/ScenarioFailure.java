package smos.engine;

/**
 * One difference between expected and actual, with the field path inside the decision; {@code line}
 * is where the scenario starts in its file (null for a problem of a whole file or folder).
 */
public record ScenarioFailure(String file, String scenario, Integer line, String field, String expected, String actual) {

    /** A problem of a whole file or folder, not of one scenario. */
    public ScenarioFailure(String file, String expected, String actual) {
        this(file, null, null, null, expected, actual);
    }

    /** {@code file:line}, or the file alone when the line is not known. */
    public String where() {
        return line == null ? file : file + ":" + line;
    }

    @Override
    public String toString() {
        return where() + " :: " + scenario + " :: " + field + ": expected " + expected + ", actual " + actual;
    }
}
