package smos.common;

/** The four new sales regions (US Census regions). */
public enum Region {
    NORTHEAST, MIDWEST, SOUTH, WEST
}
