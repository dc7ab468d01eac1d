package smos.quota;

import smos.common.Arithmetic;
import smos.common.Scales;
import smos.request.CrossFieldCheck;
import smos.request.Range;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The annual plan: its fiscal year (starting on the first day of a month) and its targets, at least
 * 1.00 and in whole cents.
 */
public record Plan(
        String planId,
        LocalDate fiscalYearStart,
        LocalDate fiscalYearEnd,
        @Range(min = Scales.PLAN_TARGET_MIN) BigDecimal revenueTarget,
        @Range(min = Scales.PLAN_TARGET_MIN) BigDecimal grossProfitTarget) implements CrossFieldCheck {

    @Override
    public void check(Violations violations) {
        if (fiscalYearStart.getDayOfMonth() != 1) {
            violations.add("fiscalYearStart", "must be the first day of a month");
        }
        if (!fiscalYearEnd.isAfter(fiscalYearStart)) {
            violations.add("fiscalYearEnd", "must be after fiscalYearStart (" + fiscalYearStart + ")");
        }
        if (!Arithmetic.inWholeCents(revenueTarget)) {
            violations.add("revenueTarget", "must be in whole cents");
        }
        if (!Arithmetic.inWholeCents(grossProfitTarget)) {
            violations.add("grossProfitTarget", "must be in whole cents");
        }
    }

    boolean contains(LocalDate date) {
        return !date.isBefore(fiscalYearStart) && !date.isAfter(fiscalYearEnd);
    }
}
