package smos.console;

/**
 * The change page's offer to try a checked candidate on the recorded decisions: whether the server keeps a
 * decision log at all, the window the form proposes (dates, UTC: the last {@link ImpactPages#DEFAULT_DAYS}
 * days up to today, and the API's default limit), and the run that holds the domain's one slot now, if any.
 */
public record ImpactOffer(boolean available, String from, String to, int limit, int maxLimit, String running) {
}
