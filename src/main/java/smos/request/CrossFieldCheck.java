package smos.request;

/**
 * Implemented by request records whose fields constrain each other (a claim date not before the
 * purchase date). Called only when every field of the record is individually valid.
 */
public interface CrossFieldCheck {
    void check(Violations violations);

    /** Collects violations with field names relative to the record being checked. */
    interface Violations {
        void add(String field, String message);
    }
}
