package smos.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.engine.CompiledRuleSet;
import smos.engine.DecisionDomain;
import smos.engine.DomainBundle;
import smos.engine.DomainRegistry;
import smos.engine.DomainState;
import smos.engine.Rejection;
import smos.engine.RuleProblem;
import smos.failure.ConflictException;
import smos.failure.Failure;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Brings versions of a domain's rules live, safely. Every way in (start-up, a file saved on disk, a
 * publish over HTTP, a rollback, the history when the files do not pass) hands a {@link DomainBundle}
 * to the same gate; only a version that compiles and passes the bundle's scenarios replaces the one
 * serving, and only once the rule store has recorded it, in one atomic swap. A refused version
 * changes nothing and is reported. One lock per domain keeps changes in order.
 */
public final class RuleSetManager {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetManager.class);
    static final String FROM_DISK = "disk";
    static final String FROM_HISTORY = "history";

    private final DomainRegistry registry;
    private final Gate gate;
    private final RuleStore store;
    private final RecordedChanges recordedChanges;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private volatile GateTimer gateTimer = new GateTimer(GateTimer.DEFAULT_LIMIT);

    public RuleSetManager(DomainRegistry registry, Gate gate, RuleStore store) {
        this.registry = registry;
        this.gate = gate;
        this.store = store;
        this.recordedChanges = new RecordedChanges(store);
    }

    public RuleStore store() {
        return store;
    }

    /**
     * Finishes what a crash interrupted, then brings every domain live from its working files. A domain
     * whose files do not pass the gate serves the newest intact version of its history instead, and
     * says so; with no such version it has nothing to serve.
     */
    public void start() {
        store.recover(registry.domains().stream().map(DecisionDomain::id).toList());
        for (DecisionDomain<?, ?> domain : registry.domains()) {
            locked(domain.id(), () -> {
                startDomain(domain);
                return null;
            });
        }
    }

    private void startDomain(DecisionDomain<?, ?> domain) {
        String id = domain.id();
        DomainBundle working = store.working(id);
        Gate.Verdict verdict = gate.check(domain, working, "start-up", store.gateRecord(id, working.version()));
        if (!verdict.passed()) {
            fallBackToHistory(domain, working.version(), new Rejection(verdict.version(), Instant.now(), "start-up",
                    verdict.problems(), verdict.failures()));
            return;
        }
        try {
            recordAtStart(id, verdict, "start-up", FROM_DISK);
        } catch (Failure e) {
            fallBackToHistory(domain, working.version(), new Rejection(verdict.version(), Instant.now(), "start-up",
                    List.of(RuleProblem.inFile(null, e.getMessage())), List.of()));
            return;
        }
        registry.activate(verdict.candidate(), FROM_DISK);
    }

    /** Serves the newest intact version of the history that passes the gate; the disk's rejection stays reported. */
    private void fallBackToHistory(DecisionDomain<?, ?> domain, String refusedVersion, Rejection disk) {
        String id = domain.id();
        List<HistoryEntry> entries = readHistory(id);
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry entry = entries.get(i);
            if (!entry.intact()) {
                LOG.warn("domain {}: skipping damaged history entry {}: {}", id, entry.entry(), entry.damaged());
                continue;
            }
            if (entry.version().equals(refusedVersion)) {
                continue;
            }
            try {
                DomainBundle bundle = store.bundle(id, entry);
                Gate.Verdict verdict = gate.check(domain, bundle, FROM_HISTORY, store.gateRecord(id, bundle.version()));
                if (verdict.passed()) {
                    recordAtStart(id, verdict, "start-up", FROM_HISTORY);
                    registry.activate(verdict.candidate(), FROM_HISTORY);
                    LOG.warn("domain {}: its files do not pass the gate; serving version {} from the history", id,
                            verdict.version());
                    break;
                }
                LOG.warn("domain {}: history version {} does not pass the gate either", id, entry.version());
            } catch (RuntimeException e) {
                LOG.error("domain {}: cannot restore version {} from the history: {}", id, entry.version(), e.getMessage());
            }
        }
        registry.reject(id, disk);
    }

    private List<HistoryEntry> readHistory(String id) {
        try {
            return store.history(id);
        } catch (RuntimeException e) {
            LOG.error("cannot read the history of {}", id, e);
            return List.of();
        }
    }

    /**
     * At start-up a version serves only once recorded: a new entry when it is not the active one, the
     * gate record when it was gated again. Recording the gate result is best effort: without it the
     * version is merely gated again at the next start.
     */
    private void recordAtStart(String id, Gate.Verdict verdict, String action, String by) {
        CompiledRuleSet candidate = verdict.candidate();
        Optional<String> active = store.active(id);
        if (active.isEmpty() || !active.get().equals(candidate.version())) {
            store.record(new Publication(candidate.bundle(), active.orElse(null), action, by, null, List.of(),
                    verdict.record(), false));
        } else if (store.gateRecord(id, candidate.version()).filter(GateRecord::byThisBuild).isEmpty()
                && verdict.record() != null) {
            try {
                store.recordGate(id, verdict.record());
            } catch (Failure e) {
                LOG.warn("domain {}: {}", id, e.getMessage());
            }
        }
    }

    /**
     * The domain's files changed on disk (a business user saved a spreadsheet). Only values may change
     * this way; the new version goes live if it passes the gate and is recorded, otherwise the current
     * one keeps serving.
     */
    public void reloadFromDisk(String id) {
        DecisionDomain<?, ?> domain = domain(id);
        locked(id, () -> {
            DomainBundle working = store.working(id);
            CompiledRuleSet active = registry.state(id).map(DomainState::active).orElse(null);
            if (active != null && active.version().equals(working.version())) {
                registry.clearRejection(id); // back to what serves (or our own publish, seen by the watcher)
                return null;
            }
            if (active != null) {
                List<RuleProblem> code = CodeRows.changes(active.sources(), working.sources());
                if (!code.isEmpty()) {
                    registry.reject(id, new Rejection(working.version(), Instant.now(), "file change", code, List.of()));
                    return null;
                }
            }
            Gate.Verdict verdict = gate.check(domain, working, "file change");
            if (!verdict.passed()) {
                registry.reject(id, new Rejection(verdict.version(), Instant.now(), "file change",
                        verdict.problems(), verdict.failures()));
                return null;
            }
            try {
                store.record(new Publication(working, active == null ? store.active(id).orElse(null) : active.version(),
                        "file change", FROM_DISK, null, List.of(), verdict.record(), false));
            } catch (Failure e) {
                registry.reject(id, new Rejection(verdict.version(), Instant.now(), "file change",
                        List.of(RuleProblem.inFile(null, "not served: " + e.getMessage())), List.of()));
                return null;
            }
            registry.activate(verdict.candidate(), FROM_DISK);
            verdict.warnings().forEach(w -> LOG.warn("domain {}: version {} serves with a spreadsheet warning: {}", id,
                    verdict.version(), w));
            return null;
        });
    }

    /**
     * In process, for a publisher, without a base check; over HTTP every change names its base
     * ({@link #publish(String, ChangeSet, Caller, String)}).
     */
    public PublishResult publish(String id, ChangeSet changes, String publisher) {
        return publish(id, changes, Caller.publisher(publisher), null);
    }

    /**
     * Publishes files (and deletions) as one new version built on the version serving now: the changed
     * bundle is gated in memory; on success the store records it (files, history entry, gate record)
     * and it is swapped in; on failure nothing changes. The caller's role must allow the change, and
     * {@code expectedBase}, when given, must be the version serving now ({@link BaseVersion}, a 409):
     * both are checked under the domain's lock, before the gate, so nothing else goes live in between.
     */
    public PublishResult publish(String id, ChangeSet changes, Caller caller, String expectedBase) {
        DecisionDomain<?, ?> domain = domain(id);
        if (changes.isEmpty()) {
            throw new InvalidChangeException("nothing to publish: give at least one file or deletion");
        }
        return locked(id, () -> {
            CompiledRuleSet active = activeMatching(id, expectedBase);
            DomainBundle base = active != null ? active.bundle() : store.working(id);
            Map<String, byte[]> puts = new HashMap<>();
            changes.puts().forEach((name, bytes) ->
                    puts.put(FileSpelling.check(base.files().keySet(), DomainFiles.pathFor(id, name)), bytes));
            java.util.Set<String> deletes = new java.util.LinkedHashSet<>();
            for (String name : changes.deletes()) {
                String path = FileSpelling.check(base.files().keySet(), DomainFiles.pathFor(id, name));
                if (!base.files().containsKey(path)) {
                    throw new InvalidChangeException("there is no file " + name + " in domain " + id + " to delete");
                }
                deletes.add(path);
            }
            DomainBundle proposed = base.with(puts, deletes);
            EditRights.checkPublish(caller, id, activeSources(id), proposed.sources(), changes.deletes());
            return bringLive(domain, active, proposed, "publish", caller.name(), changes.message());
        });
    }

    /** In process, for a publisher, without a base check. */
    public PublishResult rollback(String id, String version, String publisher) {
        return rollback(id, version, Caller.publisher(publisher), null);
    }

    /**
     * Restores exactly the files of an earlier version (its scenarios included), through the same gate.
     * The newest intact entry of that version is used; when every entry of it is damaged, a
     * {@link DamagedHistoryException} names the entry and the damage.
     */
    public PublishResult rollback(String id, String version, Caller caller, String expectedBase) {
        DecisionDomain<?, ?> domain = domain(id);
        EditRights.checkRollback(caller, id);
        String publisher = caller.name();
        return locked(id, () -> {
            CompiledRuleSet active = activeMatching(id, expectedBase);
            List<HistoryEntry> entries = store.history(id);
            HistoryEntry damaged = null;
            for (int i = entries.size() - 1; i >= 0; i--) {
                HistoryEntry entry = entries.get(i);
                if (entry.answersTo(version)) {
                    if (entry.intact()) {
                        return bringLive(domain, active, store.bundle(id, entry), "rollback", publisher,
                                "rollback to " + version);
                    }
                    damaged = damaged == null ? entry : damaged;
                }
            }
            if (damaged != null) {
                throw new DamagedHistoryException(id, damaged, damaged.damaged());
            }
            throw new UnknownVersionException(id, version);
        });
    }

    /**
     * The entries of a domain's history, oldest first, damaged ones included with their reason; each
     * intact entry lists its changes against the version it replaced.
     */
    public List<HistoryEntry> history(String id) {
        domain(id);
        return recordedChanges.history(id);
    }

    /** What changed from one recorded version of a domain to another; a 404 naming a version the history lacks. */
    public smos.diff.VersionChanges changes(String id, String from, String to) {
        domain(id);
        return recordedChanges.between(id, from, to);
    }

    /** The version a change must name as its base now ({@link BaseVersion#NOTHING_SERVES} when none serves). */
    public String baseVersion(String id) {
        domain(id);
        return BaseVersion.of(activeVersion(id));
    }

    /** How long the gate may take before a version is refused ({@code --gate-timeout}). */
    public RuleSetManager gateTimeout(java.time.Duration limit) {
        this.gateTimer = new GateTimer(limit);
        return this;
    }

    private String activeVersion(String id) {
        return registry.state(id).map(DomainState::active).map(CompiledRuleSet::version).orElse(null);
    }

    /** What serves now, to tell an editor's value changes from code changes; the working files if nothing serves. */
    private smos.engine.DomainSources activeSources(String id) {
        return registry.state(id).map(DomainState::active).map(CompiledRuleSet::sources)
                .orElseGet(() -> store.working(id).sources());
    }

    /** What serves now, when {@code expectedBase} is it (or not given); a 409 otherwise. */
    private CompiledRuleSet activeMatching(String id, String expectedBase) {
        CompiledRuleSet active = registry.state(id).map(DomainState::active).orElse(null);
        BaseVersion.check(id, expectedBase, active == null ? null : active.version());
        return active;
    }

    private PublishResult bringLive(DecisionDomain<?, ?> domain, CompiledRuleSet active, DomainBundle proposed,
                                    String action, String publisher, String message) {
        String id = domain.id();
        Gate.Verdict checked = gateTimer.check(id, () -> gate.check(domain, proposed, action));
        if (!checked.passed()) {
            throw new ChangeRejectedException("version " + checked.version() + " of " + id
                    + " was not published: it does not compile or its scenarios fail; nothing changed",
                    checked.problems(), checked.failures());
        }
        // warnings only, so outside the gate's time limit: a slow answer here never refuses a publish. A
        // rollback brings back a version that served before, and must be quick: it is not mutated.
        Gate.Verdict verdict = active != null && action.equals("publish")
                ? checked.withWarnings(gate.untestedChanges(proposed, active.bundle())) : checked;
        List<String> codeChanges = active == null ? List.of("no version served before")
                : CodeRows.changes(active.sources(), verdict.candidate().sources()).stream().map(RuleProblem::toString).toList();
        String previous = active == null ? store.active(id).orElse(null) : active.version();
        HistoryEntry entry = store.record(new Publication(proposed, previous, action, publisher, message, codeChanges,
                verdict.record(), true));
        registry.activate(verdict.candidate(), action);
        return new PublishResult(id, verdict.version(), active == null ? null : active.version(), action, publisher,
                entry.at(), !codeChanges.isEmpty(), codeChanges, entry.files(), verdict.warnings());
    }

    private DecisionDomain<?, ?> domain(String id) {
        return registry.domain(id).orElseThrow(() -> new smos.service.UnknownDomainException(id,
                registry.domains().stream().map(DecisionDomain::id).toList()));
    }

    private <T> T locked(String id, java.util.function.Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
