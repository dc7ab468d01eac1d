package smos.orgstructure;

import smos.common.Region;
import smos.engine.IncompleteDecisionException;

import java.util.ArrayList;
import java.util.List;

/**
 * A fact that table rows raise findings on. A row's actions run in column order: the finding code
 * first, then its severity and message, which apply to the finding just raised.
 */
public abstract class FindingRaiser {
    private final List<Draft> findings;
    private Draft current;

    FindingRaiser(List<Draft> findings) {
        this.findings = findings;
    }

    /** The manager a finding raised on this fact is about, or null. */
    abstract String findingManagerId();

    /** The region a finding raised on this fact is about, or null. */
    abstract Region findingRegion();

    public void raise(FindingCode code) {
        current = new Draft(code, findingManagerId(), findingRegion());
        findings.add(current);
    }

    public void severity(Severity severity) {
        draft().severity = severity;
    }

    public void message(String message) {
        draft().message = message;
    }

    private Draft draft() {
        if (current == null) {
            // a row giving a severity or message but no code: reported as a defect of the rules
            current = new Draft(null, findingManagerId(), findingRegion());
            findings.add(current);
        }
        return current;
    }

    /** A finding being written by the actions of one row. */
    static final class Draft {
        private final FindingCode code;
        private final String managerId;
        private final Region region;
        private Severity severity;
        private String message;

        Draft(FindingCode code, String managerId, Region region) {
            this.code = code;
            this.managerId = managerId;
            this.region = region;
        }

        boolean isBlocker() {
            return severity == Severity.BLOCKER;
        }

        Finding toFinding() {
            if (code == null) {
                throw new IncompleteDecisionException("a row gives a finding a severity or message but no code");
            }
            if (severity == null) {
                throw new IncompleteDecisionException("a row raising " + code + " gives it no severity");
            }
            return new Finding(code, severity, managerId, region, message);
        }

        static List<Draft> list() {
            return new ArrayList<>();
        }
    }
}
