package smos.publish;

import smos.diff.VersionChanges;
import smos.diff.VersionDiff;
import smos.engine.DomainBundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What changed between versions a domain has served, read from the rule store's history: between any
 * two of them ({@code GET .../diff}), and for each history entry against the version it replaced.
 *
 * <p>An entry's changes are worked out when the history is read, not stored at publish: a version is
 * the hash of its files, so the changes between two versions never change and are kept here once
 * worked out; every rule store (the folder, a database) then lists them without storing anything
 * more, entries recorded before changes were listed get them too, and a publish is not slowed. The
 * cost is bounded: only files whose hashes differ are read, and each pair of versions once while kept.
 */
public final class RecordedChanges {
    /**
     * Lines an entry lists at most: a table rebuilt from scratch would list every cell; the rest is one
     * line pointing at the diff.
     */
    static final int LISTED = 50;
    /** Pairs of versions kept: a long history read again and again is worked out once. */
    private static final int KEPT = 512;

    private final RuleStore store;
    private final Map<String, VersionChanges> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VersionChanges> eldest) {
            return size() > KEPT;
        }
    };

    public RecordedChanges(RuleStore store) {
        this.store = store;
    }

    /** The changes from one recorded version to another; {@link UnknownVersionException} naming a version the history lacks. */
    public VersionChanges between(String domain, String from, String to) {
        List<HistoryEntry> entries = store.history(domain);
        HistoryEntry older = entry(entries, from).orElseThrow(() -> new UnknownVersionException(domain, from));
        HistoryEntry newer = entry(entries, to).orElseThrow(() -> new UnknownVersionException(domain, to));
        return between(domain, older, newer);
    }

    /** The exact files of a recorded version, when the history holds an intact entry of it. */
    public Optional<DomainBundle> bundle(String domain, String version) {
        return entry(store.history(domain), version).map(e -> store.bundle(domain, e));
    }

    /**
     * The history, oldest first, each intact entry listing its changes against the version it replaced
     * ({@code Approval!E19 10 -> 12}); an entry whose former version is not in the history (the first
     * one, or one after a damaged entry) lists none (an empty list: every entry served has the field).
     */
    public List<HistoryEntry> history(String domain) {
        List<HistoryEntry> entries = store.history(domain);
        List<HistoryEntry> listed = new ArrayList<>(entries.size());
        for (HistoryEntry entry : entries) {
            Optional<HistoryEntry> previous = entry.intact() ? entry(entries, entry.previousVersion()) : Optional.empty();
            if (previous.isEmpty()) {
                listed.add(entry.withChanges(List.of()));
                continue;
            }
            try {
                listed.add(entry.withChanges(listed(domain, between(domain, previous.get(), entry).summaries(),
                        previous.get(), entry)));
            } catch (DamagedHistoryException e) {
                // the damage is reported where the history is checked; the entry is still listed
                listed.add(entry.withChanges(List.of()));
            }
        }
        return listed;
    }

    private static List<String> listed(String domain, List<String> changes, HistoryEntry older, HistoryEntry newer) {
        if (changes.size() <= LISTED) {
            return changes;
        }
        List<String> first = new ArrayList<>(changes.subList(0, LISTED));
        first.add("... and " + (changes.size() - LISTED) + " more: GET /api/v1/domains/" + domain + "/diff?from="
                + older.version() + "&to=" + newer.version());
        return first;
    }

    private VersionChanges between(String domain, HistoryEntry older, HistoryEntry newer) {
        String key = domain + "@" + older.version() + ".." + newer.version();
        synchronized (kept) {
            VersionChanges known = kept.get(key);
            if (known != null) {
                return known;
            }
        }
        VersionChanges changes = VersionDiff.between(store.bundle(domain, older), store.bundle(domain, newer));
        synchronized (kept) {
            kept.put(key, changes);
        }
        return changes;
    }

    /** The newest intact entry of a version (or of the id it had before). */
    private static Optional<HistoryEntry> entry(List<HistoryEntry> entries, String version) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry entry = entries.get(i);
            if (entry.intact() && entry.answersTo(version)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
