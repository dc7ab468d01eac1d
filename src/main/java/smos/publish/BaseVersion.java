package smos.publish;

import smos.failure.ConflictException;

/**
 * A change names the version it replaces (its base); it applies only while that version serves.
 * Checked under the domain's lock, with the swap, so of two changes built on the same version the
 * second finds the first's version serving and is refused instead of going live merged with it.
 */
public final class BaseVersion {
    /** The base of a domain that serves no version at all (its files never compiled). */
    public static final String NOTHING_SERVES = "none";

    private BaseVersion() {
    }

    /** What a change must name as its base: the active version, or {@link #NOTHING_SERVES}. */
    public static String of(String activeVersion) {
        return activeVersion == null ? NOTHING_SERVES : activeVersion;
    }

    /** A 409 naming the serving version unless {@code expected} is it; {@code expected} null is not checked. */
    static void check(String domain, String expected, String activeVersion) {
        String serving = of(activeVersion);
        if (expected != null && !expected.equals(serving)) {
            throw new ConflictException("the change replaces version " + expected + " of " + domain
                    + ", but version " + serving + " serves now: nothing changed. See what changed in the history, "
                    + "then send the change again with If-Match: \"" + serving + "\"");
        }
    }
}
