package smos.bench;

import smos.common.ProductLine;
import smos.returns.Claim;
import smos.returns.ReturnDecision;
import smos.returns.ReturnOutcome;
import smos.returns.ReturnReason;
import smos.returns.SalesChannel;
import smos.returns.UnitCondition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The returns policy (docs/domains/returns.md) written by hand in plain Java, numbers and all: the physical
 * limit of the benchmark. It lives only in the benchmark sources; {@code HandWrittenReturnsTest} checks
 * that it agrees with the rules on every returns scenario.
 */
public final class HandWrittenReturns {
    private static final BigDecimal FEE_RATE = new BigDecimal("0.15");

    private HandWrittenReturns() {
    }

    public static ReturnDecision decide(Claim c) {
        int days = (int) ChronoUnit.DAYS.between(c.purchaseDate(), c.claimDate());
        LocalDate warrantyEnd = c.purchaseDate().plusMonths(warrantyMonths(c));
        boolean inWarranty = !c.claimDate().isAfter(warrantyEnd);
        boolean proof = c.proofOfPurchase() || c.registered();
        ReturnReason reason = c.reason() == ReturnReason.DEAD_ON_ARRIVAL && days > 15 ? ReturnReason.DEFECTIVE : c.reason();

        if (reason == ReturnReason.PHYSICAL_DAMAGE || reason == ReturnReason.LIQUID_DAMAGE) {
            return decision(c, ReturnOutcome.DENY, null, warrantyEnd, null, null);
        }
        if (reason == ReturnReason.DEAD_ON_ARRIVAL) {
            return decision(c, ReturnOutcome.ADVANCE_REPLACEMENT, null, warrantyEnd, 30, null);
        }
        if (reason == ReturnReason.CHANGED_MIND) {
            if (c.channel() != SalesChannel.DIRECT) {
                return decision(c, ReturnOutcome.REDIRECT_TO_SELLER, null, warrantyEnd, null, null);
            }
            if (days <= 30) {
                return decision(c, ReturnOutcome.REFUND, c.opened() ? FEE_RATE : BigDecimal.ZERO, warrantyEnd, null, null);
            }
            return decision(c, ReturnOutcome.DENY, null, warrantyEnd, null, null);
        }
        if (c.channel() == SalesChannel.DIRECT && days <= 30) {
            return decision(c, ReturnOutcome.REFUND, BigDecimal.ZERO, warrantyEnd, null, null);
        }
        if (inWarranty && proof) {
            boolean advance = c.productLine() == ProductLine.BUSINESS_ROUTER || c.productLine() == ProductLine.SWITCH;
            return advance ? decision(c, ReturnOutcome.ADVANCE_REPLACEMENT, null, warrantyEnd, 30, null)
                    : decision(c, ReturnOutcome.REPLACE, null, warrantyEnd, null, null);
        }
        if (inWarranty) {
            return decision(c, ReturnOutcome.DENY, null, warrantyEnd, null, null);
        }
        return decision(c, ReturnOutcome.DENY, null, warrantyEnd, null, "UPGRADE_DISCOUNT_20");
    }

    private static int warrantyMonths(Claim c) {
        if (c.condition() == UnitCondition.REFURBISHED) {
            return 3;
        }
        int months = switch (c.productLine()) {
            case CONSUMER_ROUTER, WIFI7_ROUTER, ACCESS_POINT -> 24;
            case MESH_SYSTEM, BUSINESS_ROUTER -> 36;
            case SWITCH -> 60;
        };
        if (c.productLine() == ProductLine.BUSINESS_ROUTER && c.registered() && c.registrationDate() != null
                && ChronoUnit.DAYS.between(c.purchaseDate(), c.registrationDate()) <= 90) {
            months += 24;
        }
        return months;
    }

    private static ReturnDecision decision(Claim c, ReturnOutcome outcome, BigDecimal feeRate, LocalDate warrantyEnd,
                                           Integer dueDays, String offer) {
        BigDecimal fee = feeRate == null ? null : c.purchasePrice().multiply(feeRate).setScale(2, RoundingMode.HALF_UP);
        BigDecimal refund = fee == null ? null : c.purchasePrice().subtract(fee).setScale(2, RoundingMode.HALF_UP);
        return new ReturnDecision(c.claimId(), outcome, refund, fee, warrantyEnd, dueDays, offer, null);
    }
}
