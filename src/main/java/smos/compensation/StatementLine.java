package smos.compensation;

import java.math.BigDecimal;

/**
 * One line of the statement. {@code rule} names the table row that produced it: the payout-curve
 * band (or the cap that lowered its factor) for REVENUE and GROSS_PROFIT, the kicker or SPIF row
 * otherwise. {@code factor} multiplies the line's base: the component target for REVENUE and
 * GROSS_PROFIT, the target incentive for the kicker, the SPIF amount for a SPIF (the credit share).
 * {@code attainment} is null on kicker and SPIF lines, {@code dealId} on all but SPIF lines.
 */
public record StatementLine(
        LineComponent component,
        String dealId,
        BigDecimal attainment,
        BigDecimal factor,
        BigDecimal amount,
        String rule) {
}
