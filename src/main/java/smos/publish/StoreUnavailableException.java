package smos.publish;

import smos.failure.Failure;
import smos.failure.FailureKind;

/** The rule store cannot be written for a reason other than space (permissions, a failing disk): nothing changed. */
public class StoreUnavailableException extends Failure {
    public StoreUnavailableException(String detail, Throwable cause) {
        super(FailureKind.DOMAIN_UNAVAILABLE, detail, cause);
    }
}
