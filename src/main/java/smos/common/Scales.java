package smos.common;

/**
 * The bounds of the scales the request contract uses (the contract conventions): an NPS answer is
 * 0 to 10, an aggregate NPS -100 to 100, a five-point rating 1 to 5 (percent fields: {@link Percent}). They say
 * what a valid request looks like, not what the policy decides; they are text constants because
 * request annotations ({@code @Range(min = Scales.NPS_MIN, max = Scales.NPS_MAX)}) need constants.
 */
public final class Scales {
    public static final String NPS_SCORE_MIN = "0";
    public static final String NPS_SCORE_MAX = "10";
    public static final String NPS_MIN = "-100";
    public static final String NPS_MAX = "100";
    public static final String RATING_MIN = "1";
    public static final String RATING_MAX = "5";
    /** The smallest revenue or gross-profit target of an annual plan. */
    public static final String PLAN_TARGET_MIN = "1.00";

    private Scales() {
    }
}
