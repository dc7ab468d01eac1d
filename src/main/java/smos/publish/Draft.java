package smos.publish;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A change uploaded in the console and not yet published or discarded: the files as uploaded (the names
 * a publish takes, in upload order), the version it was made on (the base its publish names, so a draft
 * left open while someone else published gets the 409), who uploaded it and when. What the gate says of
 * it is not kept: it is worked out again whenever the draft is shown, against the rules serving then.
 */
public record Draft(String id, String domain, String base, String author, Instant created, Map<String, byte[]> files) {
    /** What an id looks like (a UUID): anything else is no draft, and never becomes a file name. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public Draft {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** A new draft with a fresh id; its time to the microsecond, what a database column keeps. */
    public static Draft of(String domain, String base, String author, Instant created, Map<String, byte[]> files) {
        return new Draft(smos.common.RequestIds.next(), domain, base, author,
                created.truncatedTo(java.time.temporal.ChronoUnit.MICROS), files);
    }

    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The files as the change a publish or a check takes. */
    public ChangeSet changes() {
        ChangeSet changes = new ChangeSet();
        files.forEach(changes::put);
        return changes;
    }
}
