package smos.engine;

/** The rules kept firing past the engine's safety limit: a defect of the rules, never of the request. */
public class RuleLoopException extends smos.failure.RulesDefectException {
    public RuleLoopException(String message) {
        super(message);
    }
}
