package smos.strategy;

/** {@code POST /api/v1/decisions/strategy}: one product line and its market position. */
public record StrategyRequest(ProductLineProfile productLine) {
}
