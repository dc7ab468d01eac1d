package smos.performancereview;

import smos.request.NonNegative;

import java.math.BigDecimal;

/** One quarter's attainment (1.00 = quota met). */
public record Quarter(String periodId, @NonNegative BigDecimal attainment) {
}
