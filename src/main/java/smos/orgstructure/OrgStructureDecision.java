package smos.orgstructure;

import java.math.BigDecimal;
import java.util.List;

/** The review of a proposed management structure (POLICY.md section 3); REJECTED exactly when a finding is a BLOCKER. */
public record OrgStructureDecision(
        Verdict verdict,
        Integer managerCount,
        Integer maxAllowedManagers,
        BigDecimal reduction,
        List<Finding> findings) {
}
