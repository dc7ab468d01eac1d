package smos.returns;

import smos.request.Describe;
import smos.common.ProductLine;
import smos.request.CrossFieldCheck;
import smos.request.NonNegative;
import smos.request.Optional;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A return or warranty claim, as posted by the support desk or the web shop (docs/domains/returns.md). */
@Describe("a return or warranty claim, as posted by the support desk or the web shop")
public record Claim(
        String claimId,
        ProductLine productLine,
        UnitCondition condition,
        SalesChannel channel,
        LocalDate purchaseDate,
        LocalDate claimDate,
        @NonNegative BigDecimal purchasePrice,
        ReturnReason reason,
        Boolean opened,
        Boolean proofOfPurchase,
        Boolean registered,
        @Optional LocalDate registrationDate) implements CrossFieldCheck {

    @Override
    public void check(Violations violations) {
        if (claimDate.isBefore(purchaseDate)) {
            violations.add("claimDate", "must not be before purchaseDate (" + purchaseDate + ")");
        }
        if (registrationDate != null && registrationDate.isBefore(purchaseDate)) {
            violations.add("registrationDate", "must not be before purchaseDate (" + purchaseDate + ")");
        }
    }
}
