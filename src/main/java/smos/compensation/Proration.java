package smos.compensation;

import smos.common.Arithmetic;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Proration by days: a participant starting after the period's first day has each quota multiplied by
 * (days from the start date to the period end + 1) / (period length), rounded to cents.
 */
record Proration(int activeDays, int periodDays) {

    static Proration of(Period period, LocalDate startDate) {
        int periodDays = Arithmetic.periodLength(period.start(), period.end());
        int activeDays = startDate.isAfter(period.start()) ? Arithmetic.periodLength(startDate, period.end()) : periodDays;
        return new Proration(activeDays, periodDays);
    }

    boolean prorated() {
        return activeDays != periodDays;
    }

    /** The statement's quota: the full quota, or the prorated quota rounded to cents (one division). */
    BigDecimal quota(BigDecimal fullQuota) {
        if (!prorated()) {
            return fullQuota;
        }
        return Arithmetic.money(Arithmetic.divide(fullQuota.multiply(BigDecimal.valueOf(activeDays)),
                BigDecimal.valueOf(periodDays)));
    }

    String describe() {
        return activeDays + " of " + periodDays + " days";
    }
}
