package smos.scenarios;

/**
 * A scenario of a file that is not in the scenario format (a wrong type of {@code given}, an unknown
 * key, YAML that does not parse): reported at its line, while the file's other scenarios run.
 */
public record UnreadableScenario(String name, int line, String problem) {
}
