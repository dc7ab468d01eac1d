package smos.publish;

import smos.engine.DomainBundle;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where rule content and its history are kept. The manager asks it for a domain's working content and
 * its history and records every version that goes live through it; nothing else touches the files.
 *
 * <p>{@link #record} is one step that names the version it replaces: it happens whole or not at all,
 * and only when that version is still the active one (a compare-and-set), so a store shared by
 * several servers (a database: one transaction updating the active version where it equals the base,
 * inserting the entry and the gate record) behaves like the local folder.
 */
public interface RuleStore {

    /** The domain's working content: what people edit (for the local store, the files in its folders). */
    DomainBundle working(String domain);

    /** Every entry of the domain's history, oldest first; a damaged one is listed with its reason. */
    List<HistoryEntry> history(String domain);

    /**
     * The exact content of an intact entry; {@link DamagedHistoryException} naming the entry and the file
     * when a stored file is missing or does not hash to its name.
     */
    DomainBundle bundle(String domain, HistoryEntry entry);

    /** The version recorded as active: the base the next {@link #record} must name. */
    Optional<String> active(String domain);

    /**
     * Records a version going live: its files (when asked), the history entry and the gate record, as one
     * step. {@link smos.failure.ConflictException} when the active version is not the publication's base;
     * {@link smos.failure.InsufficientStorageException} when it cannot be stored (a full disk). Either way
     * nothing changed.
     */
    HistoryEntry record(Publication publication);

    /** Records that an already recorded version passed the gate (it was gated again at start-up). */
    void recordGate(String domain, GateRecord gate);

    /** The newest record of this version passing the gate. */
    Optional<GateRecord> gateRecord(String domain, String version);

    /** Finishes or undoes what a crash interrupted. Runs once, before anything serves. */
    void recover(Collection<String> domains);

    /** Every damaged entry and stored file, for {@code smos history check}. */
    List<String> check();

    /** Where it keeps its state, for messages. */
    String describe();

    /**
     * Whether other servers record versions in this store too (a database shared by replicas). Such a
     * store's active version is what serves: a replica brings it live compiled, its hash checked, without
     * gating it again (the replica that recorded it ran the gate), and follows it when it changes.
     */
    default boolean shared() {
        return false;
    }

    /** Why the store cannot be reached now, for {@code /health} and {@code /health/ready}; empty while it can. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /**
     * Where the web console keeps its sessions. A store that cannot hold them yet keeps them in memory
     * (they end with a restart); the local store keeps them with its history.
     */
    default ConsoleSessions consoleSessions() {
        return ConsoleSessions.inMemory();
    }

    /**
     * Where the web console keeps unpublished changes. A store that cannot hold them keeps them in memory
     * (they end with a restart); the local store keeps them with its history, the PostgreSQL store in its tables.
     */
    default Drafts drafts() {
        return Drafts.inMemory();
    }
}
