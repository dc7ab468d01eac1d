package smos.engine;

/** One difference between expected and actual, with the field path inside the decision. */
public record ScenarioFailure(String file, String scenario, String field, String expected, String actual) {

    @Override
    public String toString() {
        return file + " :: " + scenario + " :: " + field + ": expected " + expected + ", actual " + actual;
    }
}
