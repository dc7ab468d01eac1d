package smos.scenarios;

/** A scenario file that cannot be read: bad YAML, or not in the scenario format. Names the file. */
public class ScenarioFileException extends RuntimeException {
    private final String file;

    public ScenarioFileException(String file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
