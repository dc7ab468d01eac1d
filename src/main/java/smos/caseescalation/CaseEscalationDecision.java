package smos.caseescalation;

import com.fasterxml.jackson.annotation.JsonProperty;
import smos.common.Role;

import java.util.List;

/**
 * The escalation decision. {@code minutesToBreach} is the target minus the elapsed time in whole
 * minutes rounded down (negative once breached), null for an answered case. {@code notify} lists the
 * roles notified, as a set, empty for an answered case (the component is {@code notices}: Java does
 * not allow a record component named notify).
 */
public record CaseEscalationDecision(
        String caseId,
        Priority effectivePriority,
        SlaStatus slaStatus,
        Long minutesToBreach,
        SupportTier supportTier,
        Role owner,
        @JsonProperty("notify") List<Role> notices) {
}
