package smos.engine;

/**
 * The rules fired but left part of the decision undecided: a gap in the domain's tables, which is a
 * defect of the rules, not of the request.
 */
public class IncompleteDecisionException extends smos.failure.RulesDefectException {
    public IncompleteDecisionException(String message) {
        super(message);
    }
}
