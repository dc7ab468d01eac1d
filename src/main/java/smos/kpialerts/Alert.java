package smos.kpialerts;

import smos.common.Arithmetic;
import smos.common.Role;
import smos.engine.IncompleteDecisionException;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One possible alert of a scorecard, a fact of its own: the alert sheets raise it with a severity,
 * a threshold, a message and its recipients (or send it up the management chain, which the sheet
 * Recipients resolves by scope and severity). An alert no row raises stays quiet.
 */
public final class Alert {
    private final AlertCode code;
    private final KpiCase scorecard;
    private Severity severity;
    private BigDecimal threshold;
    private String message;
    private boolean managementChain;
    private boolean suspendSellInIncentives;
    private final Set<Role> recipients = EnumSet.noneOf(Role.class);

    Alert(AlertCode code, KpiCase scorecard) {
        this.code = code;
        this.scorecard = scorecard;
    }

    public AlertCode getCode() {
        return code;
    }

    public ScopeLevel getScopeLevel() {
        return scorecard.getScopeLevel();
    }

    public boolean isRaised() {
        return severity != null;
    }

    public Severity getSeverity() {
        return severity;
    }

    public void raise(Severity severity) {
        this.severity = severity;
    }

    public void setThreshold(BigDecimal threshold) {
        this.threshold = threshold;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public boolean isManagementChain() {
        return managementChain;
    }

    public void setManagementChain(boolean managementChain) {
        this.managementChain = managementChain;
    }

    public boolean isSuspendSellInIncentives() {
        return suspendSellInIncentives;
    }

    public void setSuspendSellInIncentives(boolean suspend) {
        this.suspendSellInIncentives = suspend;
    }

    public void sendTo(Role role) {
        recipients.add(role);
    }

    /**
     * The alert as reported: its measure (ratios rounded to 4 places, the NPS as given), the table's
     * threshold or the scorecard's own, and the message with {scope}, {value} and {threshold} filled in (numbers without
     * trailing zeros).
     */
    RaisedAlert toRaisedAlert() {
        if (recipients.isEmpty()) {
            throw new IncompleteDecisionException("alert " + code + " (" + severity + ") has no recipient: no row of "
                    + "the sheet Recipients matched scope " + getScopeLevel() + ", and its own sheet names none");
        }
        BigDecimal measure = scorecard.measure(code);
        BigDecimal value = code == AlertCode.CUSTOMER_EXPERIENCE ? measure : Arithmetic.ratio(measure);
        BigDecimal own = scorecard.ownThreshold(code);
        BigDecimal limit = threshold != null ? threshold : own == null ? null : Arithmetic.ratio(own);
        String text = message == null ? null : message
                .replace("{scope}", scorecard.scopeName())
                .replace("{value}", inWords(value))
                .replace("{threshold}", inWords(limit));
        return new RaisedAlert(code, severity, List.copyOf(recipients), value, limit, text);
    }

    /** A number as a person writes it: 0.8, 1.25, 12 (no trailing zeros). */
    private static String inWords(BigDecimal number) {
        return number == null ? "n/a" : number.stripTrailingZeros().toPlainString();
    }
}
