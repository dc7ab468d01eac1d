package smos.failure;

/**
 * A failure of one kind ({@link FailureKind}). Every failure SMOS reports on purpose is one of these;
 * any other exception reaching the HTTP layer is a bug and becomes a logged 500.
 */
public abstract class Failure extends RuntimeException {
    private final FailureKind kind;

    protected Failure(FailureKind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    protected Failure(FailureKind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
    }

    public final FailureKind kind() {
        return kind;
    }

    /** The sentence for people: the problem's {@code detail}. */
    public String detail() {
        return getMessage();
    }
}
