package smos.diff;

/** A scenario added, removed or changed (its facts or expectations) between two versions, by name. */
public record ScenarioChange(String file, String name, Change change) {

    /** {@code scenarios/returns/damage.yaml: scenario "..." changed}. */
    public String summary() {
        return file + ": scenario \"" + name + "\" " + change.word();
    }
}
