package smos.compensation;

/** What a statement line pays for. */
public enum LineComponent {
    REVENUE, GROSS_PROFIT, GP_GROWTH_KICKER, SPIF
}
