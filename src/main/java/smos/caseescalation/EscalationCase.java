package smos.caseescalation;

import smos.common.Arithmetic;
import smos.common.Role;
import smos.engine.IncompleteDecisionException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fact the escalation rules read and write. Java computes the definitions: the elapsed time in
 * whole seconds (from openedAt to the first response, or to {@code now} while unanswered), how many
 * targets it spans, whether the at-risk mark is reached, and the minutes left to the target. The
 * targets, marks, overrides, tiers, owners and notices all come from the decision tables.
 */
public final class EscalationCase {
    private static final long SECONDS_PER_MINUTE = Duration.ofMinutes(1).toSeconds();

    private final SupportCase supportCase;
    private Priority effectivePriority;
    private Role owner;
    private SupportTier tier;
    private Integer responseTargetMinutes;
    private Integer atRiskFromMinutes;
    private SlaStatus slaStatus;
    private final Set<Role> notify = new LinkedHashSet<>();

    public EscalationCase(SupportCase supportCase) {
        this.supportCase = supportCase;
        this.effectivePriority = supportCase.priority();
    }

    // --- the case, as the rules see it

    public Priority getPriority() {
        return supportCase.priority();
    }

    public boolean isStrategicAccount() {
        return supportCase.strategicAccount();
    }

    public boolean isExecutiveComplaint() {
        return supportCase.executiveComplaint();
    }

    public int getContactsLast14Days() {
        return supportCase.contactsLast14Days();
    }

    public boolean isAnswered() {
        return supportCase.firstResponseAt() != null;
    }

    // --- definitions

    /** Whole seconds from openedAt to the first response, or to {@code now} while unanswered. */
    public long getElapsedSeconds() {
        OffsetDateTime end = isAnswered() ? supportCase.firstResponseAt() : supportCase.now();
        return Duration.between(supportCase.openedAt(), end).getSeconds();
    }

    /**
     * Elapsed seconds / target seconds, exact (one division): "more than 1" is strictly past the target,
     * "more than 2" strictly past twice the target. Null until the target is known.
     */
    public BigDecimal getElapsedInTargets() {
        Long target = targetSeconds();
        return target == null ? null
                : Arithmetic.divide(BigDecimal.valueOf(getElapsedSeconds()), BigDecimal.valueOf(target));
    }

    /** Elapsed time at or past the at-risk mark of the effective priority (compared in seconds). */
    public boolean isAtRiskMarkReached() {
        return atRiskFromMinutes != null
                && getElapsedSeconds() >= Duration.ofMinutes(atRiskFromMinutes).toSeconds();
    }

    private Long targetSeconds() {
        return responseTargetMinutes == null ? null : Duration.ofMinutes(responseTargetMinutes).toSeconds();
    }

    // --- what the routing stage decides

    public Priority getEffectivePriority() {
        return effectivePriority;
    }

    /** Makes the effective priority at least this urgent. */
    public void raisePriorityTo(Priority priority) {
        if (priority.ordinal() < effectivePriority.ordinal()) {
            effectivePriority = priority;
        }
    }

    /** Raises the effective priority by this many levels; the most urgent priority stays. */
    public void raisePriorityBy(int levels) {
        effectivePriority = Priority.values()[Math.max(0, effectivePriority.ordinal() - levels)];
    }

    public void assignOwner(Role owner) {
        this.owner = owner;
    }

    /** Makes the support tier at least this one. */
    public void raiseTierTo(SupportTier atLeast) {
        if (tier == null || atLeast.ordinal() > tier.ordinal()) {
            tier = atLeast;
        }
    }

    // --- what the targets stage decides

    public void setResponseTargetMinutes(int minutes) {
        this.responseTargetMinutes = minutes;
    }

    public void setAtRiskFromMinutes(int minutes) {
        this.atRiskFromMinutes = minutes;
    }

    // --- what the status stage decides

    public void decide(SlaStatus status) {
        this.slaStatus = status;
    }

    public void notifyRole(Role role) {
        notify.add(role);
    }

    CaseEscalationDecision toDecision() {
        String id = supportCase.caseId();
        if (owner == null || tier == null) {
            throw new IncompleteDecisionException("no row of the Ownership table matched case " + id);
        }
        if (responseTargetMinutes == null) {
            throw new IncompleteDecisionException("no row of the Targets table matched priority " + effectivePriority);
        }
        if (slaStatus == null) {
            throw new IncompleteDecisionException("no row of the Status table matched case " + id);
        }
        Long minutesToBreach = isAnswered() ? null
                : Math.floorDiv(targetSeconds() - getElapsedSeconds(), SECONDS_PER_MINUTE);
        return new CaseEscalationDecision(id, effectivePriority, slaStatus, minutesToBreach, tier, owner,
                List.copyOf(notify));
    }
}
