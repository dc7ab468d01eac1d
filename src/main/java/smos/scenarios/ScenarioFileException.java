package smos.scenarios;

/**
 * A scenario file that cannot be read at all: not YAML, or without its domain or scenario list. Names
 * the file, and the line when it is known (0 otherwise). Posted over HTTP, it is a 400.
 */
public class ScenarioFileException extends smos.failure.Failure {
    private final String file;
    private final int line;
    private final String problem;

    public ScenarioFileException(String file, String message) {
        this(file, 0, message);
    }

    public ScenarioFileException(String file, int line, String message) {
        super(smos.failure.FailureKind.INVALID_SCENARIOS, file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
        this.problem = message;
    }

    /** The message without the file and line. */
    public String problem() {
        return problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
