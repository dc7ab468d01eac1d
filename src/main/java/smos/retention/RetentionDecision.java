package smos.retention;

import java.math.BigDecimal;
import java.util.List;

/** The risk of losing a customer and the playbook; {@code signals} and {@code actions} are sets. */
public record RetentionDecision(
        String customerId,
        BigDecimal riskScore,
        RiskLevel riskLevel,
        List<RiskSignal> signals,
        List<PlannedAction> actions) {
}
