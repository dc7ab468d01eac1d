package smos.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.engine.CompileResult;
import smos.engine.CompiledRuleSet;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.engine.DomainSources;
import smos.engine.DomainState;
import smos.engine.Rejection;
import smos.engine.RuleProblem;
import smos.engine.ScenarioFailure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Brings versions of a domain's rules live, safely. Every way in (start-up, a file saved on disk, a
 * publish over HTTP, a rollback) goes through the same gate; only a version that compiles and passes
 * the domain's scenarios replaces the one serving, in one atomic swap, and is recorded in the history.
 * A refused version changes nothing and is reported. One lock per domain keeps changes in order.
 */
public final class RuleSetManager {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetManager.class);
    static final String FROM_DISK = "disk";

    private final DomainRegistry registry;
    private final Gate gate;
    private final History history;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private volatile GateTimer gateTimer = new GateTimer(GateTimer.DEFAULT_LIMIT);

    public RuleSetManager(DomainRegistry registry, Gate gate, History history) {
        this.registry = registry;
        this.gate = gate;
        this.history = history;
    }

    public History history() {
        return history;
    }

    /**
     * Loads every domain from disk. A domain whose files do not compile serves the newest version of
     * its history instead, and says so; with no history it has nothing to serve.
     */
    public void start() {
        for (DecisionDomain<?, ?> domain : registry.domains()) {
            locked(domain.id(), () -> {
                CompileResult result = registry.compile(domain, DomainSources.scan(registry.home(), domain.id()));
                if (result.ok()) {
                    registry.activate(result.ruleSet(), FROM_DISK);
                    record(domain.id(), result.ruleSet(), "start-up", FROM_DISK, null, null, List.of(),
                            DomainFiles.read(registry.home(), domain.id()));
                } else {
                    fallBackToHistory(domain, Rejection.of(result, "start-up"));
                }
                return null;
            });
        }
    }

    private void fallBackToHistory(DecisionDomain<?, ?> domain, Rejection disk) {
        Optional<HistoryEntry> last = latestServed(domain.id());
        if (last.isPresent()) {
            try (Staging staging = Staging.of(history.files(domain.id(), last.get()))) {
                CompileResult fromHistory = registry.compile(domain, DomainSources.scan(staging.home(), domain.id()));
                if (fromHistory.ok()) {
                    registry.activate(fromHistory.ruleSet(), "history");
                    LOG.warn("domain {}: files on disk do not compile; serving version {} from the history",
                            domain.id(), fromHistory.version());
                }
            } catch (RuntimeException e) {
                LOG.error("domain {}: cannot restore version {} from the history", domain.id(), last.get().version(), e);
            }
        }
        registry.reject(domain.id(), disk);
    }

    private Optional<HistoryEntry> latestServed(String domain) {
        try {
            return history.latest(domain);
        } catch (RuntimeException e) {
            LOG.error("cannot read the history of {}", domain, e);
            return Optional.empty();
        }
    }

    /**
     * The domain's files changed on disk (a business user saved a spreadsheet). Only values may change
     * this way; the new version goes live if it passes the gate, otherwise the current one keeps serving.
     */
    public void reloadFromDisk(String id) {
        DecisionDomain<?, ?> domain = domain(id);
        locked(id, () -> {
            DomainSources sources = DomainSources.scan(registry.home(), id);
            DomainState state = registry.state(id).orElseThrow();
            CompiledRuleSet active = state.active();
            if (active != null && active.version().equals(sources.version())) {
                // the rules are what serves: only scenario files may have changed
                List<ScenarioFailure> failures = gate.scenarioFailures(domain, registry.home(), active);
                if (failures.isEmpty()) {
                    registry.clearRejection(id);
                } else {
                    registry.reject(id, new Rejection(sources.version(), Instant.now(), "file change", List.of(), failures));
                }
                return null;
            }
            if (active != null) {
                List<RuleProblem> code = CodeRows.changes(active.sources(), sources);
                if (!code.isEmpty()) {
                    registry.reject(id, new Rejection(sources.version(), Instant.now(), "file change", code, List.of()));
                    return null;
                }
            }
            Gate.Verdict verdict = gate.check(domain, registry.home());
            if (!verdict.passed()) {
                registry.reject(id, new Rejection(verdict.version(), Instant.now(), "file change",
                        verdict.problems(), verdict.failures()));
                return null;
            }
            registry.activate(verdict.candidate(), FROM_DISK);
            verdict.warnings().forEach(w -> LOG.warn("domain {}: version {} serves with a spreadsheet warning: {}", id,
                    verdict.version(), w));
            record(id, verdict.candidate(), "file change", FROM_DISK, null, active == null ? null : active.version(),
                    List.of(), DomainFiles.read(registry.home(), id));
            return null;
        });
    }

    /**
     * Publishes files (and deletions) as one new version: checked in a staging copy first; on success
     * the files are written atomically, the version swapped in and recorded; on failure nothing changes.
     * In process, for a publisher, without a base check; over HTTP every change names its base.
     */
    public PublishResult publish(String id, ChangeSet changes, String publisher) {
        return publish(id, changes, Caller.publisher(publisher), null);
    }

    /**
     * As {@link #publish(String, ChangeSet, String)}, for a caller whose role must allow the change and
     * only while {@code expectedBase} serves ({@link BaseVersion}; null: not checked). Both are checked
     * under the domain's lock, before the gate, so nothing else can go live in between.
     */
    public PublishResult publish(String id, ChangeSet changes, Caller caller, String expectedBase) {
        DecisionDomain<?, ?> domain = domain(id);
        if (changes.isEmpty()) {
            throw new InvalidChangeException("nothing to publish: give at least one file or deletion");
        }
        return locked(id, () -> {
            BaseVersion.check(id, expectedBase, activeVersion(id));
            Map<String, byte[]> current = DomainFiles.read(registry.home(), id);
            Map<String, byte[]> proposed = new TreeMap<>(current);
            for (String name : changes.deletes()) {
                String path = FileSpelling.check(current.keySet(), DomainFiles.pathFor(id, name));
                if (proposed.remove(path) == null) {
                    throw new InvalidChangeException("there is no file " + name + " in domain " + id + " to delete");
                }
            }
            changes.puts().forEach((name, bytes) ->
                    proposed.put(FileSpelling.check(proposed.keySet(), DomainFiles.pathFor(id, name)), bytes));
            EditRights.checkPublish(caller, id, activeSources(id), proposed, changes.deletes());
            return bringLive(domain, proposed, "publish", caller.name(), changes.message());
        });
    }

    /** Restores exactly the files of an earlier version (and its scenarios), through the same gate. */
    public PublishResult rollback(String id, String version, String publisher) {
        return rollback(id, version, Caller.publisher(publisher), null);
    }

    /** As {@link #rollback(String, String, String)}, for a publisher, only while {@code expectedBase} serves. */
    public PublishResult rollback(String id, String version, Caller caller, String expectedBase) {
        DecisionDomain<?, ?> domain = domain(id);
        EditRights.checkRollback(caller, id);
        return locked(id, () -> {
            BaseVersion.check(id, expectedBase, activeVersion(id));
            HistoryEntry entry = history.find(id, version).orElseThrow(() -> new UnknownVersionException(id, version));
            return bringLive(domain, history.files(id, entry), "rollback", caller.name(), "rollback to " + version);
        });
    }

    /** The version a change must name as its base now ({@link BaseVersion#NOTHING_SERVES} when none serves). */
    public String baseVersion(String id) {
        domain(id);
        return BaseVersion.of(activeVersion(id));
    }

    /** How long the gate may take before a version is refused ({@code --gate-timeout}). */
    public RuleSetManager gateTimeout(Duration limit) {
        this.gateTimer = new GateTimer(limit);
        return this;
    }

    private String activeVersion(String id) {
        return registry.state(id).map(DomainState::active).map(CompiledRuleSet::version).orElse(null);
    }

    /** What serves now, to tell an editor's value changes from code changes; the files on disk if nothing serves. */
    private DomainSources activeSources(String id) {
        return registry.state(id).map(DomainState::active).map(CompiledRuleSet::sources)
                .orElseGet(() -> DomainSources.scan(registry.home(), id));
    }

    public List<HistoryEntry> history(String id) {
        domain(id);
        return history.entries(id);
    }

    private PublishResult bringLive(DecisionDomain<?, ?> domain, Map<String, byte[]> proposed, String action,
                                    String publisher, String message) {
        String id = domain.id();
        Gate.Verdict verdict;
        try (Staging staging = Staging.of(proposed)) {
            verdict = gateTimer.check(id, () -> gate.check(domain, staging.home()));
        }
        if (!verdict.passed()) {
            throw new ChangeRejectedException("version " + verdict.version() + " of " + id
                    + " was not published: it does not compile or its scenarios fail; nothing changed",
                    verdict.problems(), verdict.failures());
        }
        CompiledRuleSet active = registry.state(id).map(DomainState::active).orElse(null);
        List<String> codeChanges = active == null ? List.of("no version served before")
                : CodeRows.changes(active.sources(), verdict.candidate().sources()).stream().map(RuleProblem::toString).toList();
        DomainFiles.replace(registry.home(), id, proposed);
        registry.activate(verdict.candidate(), action);
        HistoryEntry entry = record(id, verdict.candidate(), action, publisher, message,
                active == null ? null : active.version(), codeChanges, proposed);
        return new PublishResult(id, verdict.version(), active == null ? null : active.version(), action, publisher,
                entry == null ? Instant.now() : entry.at(), !codeChanges.isEmpty(), codeChanges,
                entry == null ? List.of() : entry.files(), verdict.warnings());
    }

    /** Appends a live version to the history; start-up records only a version the history lacks. */
    private HistoryEntry record(String id, CompiledRuleSet ruleSet, String action, String publisher, String message,
                                String previous, List<String> codeChanges, Map<String, byte[]> files) {
        try {
            if (action.equals("start-up")) {
                Optional<HistoryEntry> last = history.latest(id);
                if (last.isPresent() && last.get().version().equals(ruleSet.version())) {
                    return last.get();
                }
                previous = last.map(HistoryEntry::version).orElse(null);
            }
            return history.append(id, ruleSet.version(), action, publisher, message, previous, codeChanges, files);
        } catch (RuntimeException e) {
            LOG.error("domain {}: version {} serves but could not be recorded in the history at {}", id,
                    ruleSet.version(), history.dir(), e);
            return null;
        }
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

    /** A temporary home holding one domain's proposed files; deleted on close. */
    static final class Staging implements AutoCloseable {
        private final Path home;

        private Staging(Path home) {
            this.home = home;
        }

        static Staging of(Map<String, byte[]> files) {
            try {
                Path home = Files.createTempDirectory("smos-staging-");
                DomainFiles.writeAll(home, files);
                return new Staging(home);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a staging folder", e);
            }
        }

        Path home() {
            return home;
        }

        @Override
        public void close() {
            try (Stream<Path> walk = Files.walk(home)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                LOG.warn("cannot remove staging folder {}: {}", home, e.getMessage());
            }
        }
    }
}
