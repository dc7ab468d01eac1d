package smos.failure;

/**
 * The rules could not decide a request the contract accepts: a defect of the rules, logged for their
 * owners with the request id. Client input never causes one; the contract's bounds keep requests
 * small enough for the engine's limits.
 */
public class RulesDefectException extends Failure {
    public RulesDefectException(String detail) {
        super(FailureKind.RULES_DEFECT, detail);
    }
}
