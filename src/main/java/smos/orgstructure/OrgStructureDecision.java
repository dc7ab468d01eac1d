package smos.orgstructure;

import java.math.BigDecimal;
import java.util.List;

/** The review of a proposed management structure (docs/domains/org-structure.md); REJECTED exactly when a finding is a BLOCKER. */
public record OrgStructureDecision(
        Verdict verdict,
        Integer managerCount,
        Integer maxAllowedManagers,
        BigDecimal reduction,
        List<Finding> findings) {
}
