package smos.performancereview;

import smos.request.Describe;
import smos.request.NonNegative;

import java.math.BigDecimal;

/** One quarter's attainment (1.00 = quota met). */
public record Quarter(String periodId, @Describe("the quarter's attainment as a ratio: 1.00 = quota met") @NonNegative BigDecimal attainment) {
}
