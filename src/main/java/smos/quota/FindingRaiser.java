package smos.quota;

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

    /** What a finding raised on this fact is about: region, rep and account, each possibly null. */
    abstract Region findingRegion();

    String findingRepId() {
        return null;
    }

    String findingAccountId() {
        return null;
    }

    public void raise(FindingCode code) {
        current = new Draft(code, findingRegion(), findingRepId(), findingAccountId());
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
            current = new Draft(null, findingRegion(), findingRepId(), findingAccountId());
            findings.add(current);
        }
        return current;
    }

    /** A finding being written by the actions of one row. */
    static final class Draft {
        private final FindingCode code;
        private final Region region;
        private final String repId;
        private final String accountId;
        private Severity severity;
        private String message;

        Draft(FindingCode code, Region region, String repId, String accountId) {
            this.code = code;
            this.region = region;
            this.repId = repId;
            this.accountId = accountId;
        }

        boolean isBlocker() {
            return severity == Severity.BLOCKER;
        }

        QuotaFinding toFinding() {
            if (code == null) {
                throw new IncompleteDecisionException("a row gives a finding a severity or message but no code");
            }
            if (severity == null) {
                throw new IncompleteDecisionException("a row raising " + code + " gives it no severity");
            }
            return new QuotaFinding(code, severity, region, repId, accountId, message);
        }

        static List<Draft> list() {
            return new ArrayList<>();
        }
    }
}
