package smos.retention;

import smos.common.Role;

import java.math.BigDecimal;

/** One step of the playbook: {@code offerPercent} is null on every action but a retention offer. */
public record PlannedAction(RetentionAction action, Role owner, Integer dueInDays, BigDecimal offerPercent) {
}
