package smos.scenarios;

/**
 * A scenario whose request must be refused: the HTTP status it gets and a field its errors name (the
 * JSON path, as in the answer's {@code errors}: {@code reps[2].region}).
 */
public record ExpectedError(int status, String field) {

    @Override
    public String toString() {
        return status + " at field " + field;
    }
}
