package smos.store;

import smos.engine.DecisionDomain;
import smos.engine.DomainBundle;
import smos.engine.DomainLayout;
import smos.engine.DomainRegistry;
import smos.engine.RuleProblem;
import smos.publish.CodeRows;
import smos.publish.Gate;
import smos.publish.Publication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Moves rules between plain folders ({@link DomainLayout}) and a shared store: {@code smos store import}
 * seeds a store from a folder, {@code smos store export} writes the store's active versions back as the
 * same folders (a backup that {@code import} reads again, and a home {@code serve} runs on).
 */
public final class StoreTransfer {
    private StoreTransfer() {
    }

    /** A folder that may not be imported: which domains failed the gate and why; nothing was imported. */
    public static final class ImportRefused extends RuntimeException {
        public ImportRefused(String message) {
            super(message);
        }
    }

    /**
     * Imports every domain's files of {@code dir} as its active version, each through the gate first
     * (compile, checks, scenarios): when one fails, nothing is imported. A store that already has
     * versions is refused unless {@code intoNonEmpty}; then the folder's versions are published on top
     * of the active ones (the history keeps the old ones). Returns one line per domain.
     */
    public static List<String> importFolder(Path dir, PostgresRuleStore store, DomainRegistry registry, Gate gate,
                                            String by, boolean intoNonEmpty) {
        if (!intoNonEmpty && !store.empty()) {
            throw new ImportRefused("the rule store " + store.describe() + " already has versions of "
                    + store.activeVersions().keySet() + "; import only seeds an empty store (smos store import --replace "
                    + "publishes the folder's files on top of them, keeping the history)");
        }
        List<Publication> publications = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (DecisionDomain<?, ?> domain : registry.domains()) {
            DomainBundle bundle = DomainLayout.read(dir, domain.id());
            if (bundle.files().isEmpty()) {
                lines.add(domain.id() + ": no files in " + dir + ", not imported");
                continue;
            }
            Gate.Verdict verdict = gate.check(domain, bundle, "import");
            if (!verdict.passed()) {
                StringBuilder why = new StringBuilder(domain.id() + ": version " + verdict.version()
                        + " does not pass the gate:");
                verdict.problems().forEach(p -> why.append("\n  ").append(p));
                verdict.failures().forEach(f -> why.append("\n  ").append(f));
                refusals.add(why.toString());
                continue;
            }
            Optional<String> base = store.active(domain.id());
            if (base.isPresent() && base.get().equals(bundle.version())) {
                lines.add(domain.id() + ": version " + bundle.version() + " is already active");
                continue;
            }
            List<String> codeChanges = base.isEmpty() ? List.of("no version served before")
                    : CodeRows.changes(store.working(domain.id()).sources(), bundle.sources()).stream()
                    .map(RuleProblem::toString).toList();
            publications.add(new Publication(bundle, base.orElse(null), "import", by, "imported from " + dir,
                    codeChanges, verdict.record(), false));
        }
        if (!refusals.isEmpty()) {
            throw new ImportRefused("nothing imported:\n" + String.join("\n", refusals));
        }
        for (Publication publication : publications) {
            store.record(publication);
            lines.add(publication.domain() + ": version " + publication.version() + " imported ("
                    + publication.bundle().files().size() + " files)");
        }
        return lines;
    }

    /**
     * Writes each domain's active version into {@code dir} as plain files; refuses a folder that
     * already holds domain files (an export never mixes with other content). Returns one line per domain.
     */
    public static List<String> exportTo(Path dir, PostgresRuleStore store) {
        for (String folder : DomainLayout.FOLDERS) {
            Path existing = dir.resolve(folder);
            if (Files.isDirectory(existing) && notEmpty(existing)) {
                throw new IllegalArgumentException(existing + " is not empty: export into a new or empty folder");
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> active : store.activeVersions().entrySet()) {
            DomainBundle bundle = store.working(active.getKey());
            try {
                for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) {
                    Path root = dir.toAbsolutePath().normalize();
                    Path target = root.resolve(file.getKey()).normalize();
                    if (!target.startsWith(root) || DomainLayout.kindOfPath(file.getKey()).isEmpty()) {
                        throw new IllegalStateException("not a path inside the folder: " + file.getKey());
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + dir, e);
            }
            lines.add(active.getKey() + ": version " + bundle.version() + " (" + bundle.files().size() + " files)");
        }
        return lines;
    }

    private static boolean notEmpty(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
