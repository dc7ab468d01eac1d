package smos.strategy;

import smos.common.ProductLine;

import java.util.List;

/** The posture of a product line; {@code flags} is a set (its order carries no meaning). */
public record StrategyDecision(
        ProductLine productLine,
        Quadrant quadrant,
        Posture posture,
        SalesMotion salesMotion,
        List<StrategyFlag> flags) {
}
