package smos.kpialerts;

import smos.common.Role;

import java.math.BigDecimal;
import java.util.List;

/** One alert: the measured value against its threshold, who hears of it, and what to do. */
public record RaisedAlert(
        AlertCode code,
        Severity severity,
        List<Role> recipients,
        BigDecimal value,
        BigDecimal threshold,
        String message) {
}
