package smos.strategy;

/** The growth-share quadrant of a product line. */
public enum Quadrant {
    STAR, CASH_COW, QUESTION_MARK, DOG
}
