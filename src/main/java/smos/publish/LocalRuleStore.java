package smos.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.engine.DomainBundle;
import smos.engine.DomainLayout;
import smos.failure.ConflictException;
import smos.request.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule store of one home folder. The working content is the plain files of the domain folders
 * ({@link DomainLayout}), which people edit in Excel and track in git; everything of the store's own
 * lives elsewhere:
 *
 * <pre>
 * &lt;home&gt;/.smos/intents/&lt;domain&gt;.json            a publish under way (framed; gone once it is finished)
 * &lt;home&gt;/.smos/staging/                         files being written, before their rename into a domain folder
 * &lt;history&gt;/&lt;domain&gt;/entries/&lt;n&gt;-&lt;version&gt;.json   one history entry per file (framed, written whole)
 * &lt;history&gt;/&lt;domain&gt;/gate/&lt;version&gt;.json         the record of the version passing the gate
 * &lt;history&gt;/&lt;domain&gt;/blobs/&lt;sha256&gt;              each file's bytes, once, named by their hash
 * &lt;history&gt;/&lt;domain&gt;/versions.jsonl             entries of earlier releases: read, never written
 * &lt;history&gt;/.staging/                          history files being written
 * &lt;history&gt;/.console-sessions/&lt;sha256 of id&gt;    a console session (the cookie's id is never a name)
 * &lt;history&gt;/.console-drafts/&lt;domain&gt;/&lt;id&gt;.json an unpublished change uploaded in the console (framed)
 * </pre>
 *
 * A publish ({@link #record}) stores the blobs, writes the intent, stages every file, then renames the
 * files into place and the history entry after them: the entry's rename is the moment it happened.
 * A failure before it (a full disk) undoes everything; a crash is finished or undone by
 * {@link #recover} from the intent and the blobs. {@code <history>} is {@code <home>/.smos/history}
 * unless configured.
 */
public final class LocalRuleStore implements RuleStore {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRuleStore.class);
    private static final String LEGACY_LOG = "versions.jsonl";
    private static final Pattern ENTRY_NAME = Pattern.compile("(\\d{8})-([0-9a-f]{12})\\.json");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern LEGACY_TEMP = Pattern.compile("\\.smos-.*\\.tmp");

    private final Path home;
    private final Path historyDir;
    private final Path stateDir;
    private final ConsoleSessions sessions;
    private final Drafts drafts;
    /** The active version of each domain once known; "" for none. */
    private final Map<String, String> active = new ConcurrentHashMap<>();

    public LocalRuleStore(Path home, Path historyDir) {
        this.home = home.toAbsolutePath().normalize();
        this.historyDir = historyDir(this.home, historyDir);
        this.stateDir = this.home.resolve(".smos");
        this.sessions = new LocalConsoleSessions(this.historyDir.resolve(".console-sessions"), historyStaging());
        this.drafts = new LocalDrafts(this.historyDir.resolve(".console-drafts"), historyStaging());
    }

    public Path historyDir() {
        return historyDir;
    }

    /** Console sessions beside the history (a dot folder: not a domain), so a history folder shared by several servers shares them too. */
    @Override
    public ConsoleSessions consoleSessions() {
        return sessions;
    }

    /** Console drafts beside the history, like the sessions: {@code <history>/.console-drafts/<domain>/<id>.json}. */
    @Override
    public Drafts drafts() {
        return drafts;
    }

    /** The history folder of a home: the one configured, else {@code <home>/.smos/history}. */
    public static Path historyDir(Path home, Path configured) {
        return (configured != null ? configured : home.resolve(".smos/history")).toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return historyDir.toString();
    }

    @Override
    public DomainBundle working(String domain) {
        return DomainLayout.read(home, domain);
    }

    // ---- reading the history

    @Override
    public synchronized List<HistoryEntry> history(String domain) {
        List<HistoryEntry> entries = new ArrayList<>(legacyEntries(domain));
        entries.addAll(entryFiles(domain));
        return entries.stream().map(e -> e.intact() ? withBlobsChecked(domain, e) : e).toList();
    }

    /** Entries of earlier releases: one JSON line each, ids recomputed over every file. */
    private List<HistoryEntry> legacyEntries(String domain) {
        Path log = domainDir(domain).resolve(LEGACY_LOG);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(log);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return List.of(HistoryEntry.unreadable(LEGACY_LOG, null, "cannot be read: " + e.getMessage()));
        }
        List<HistoryEntry> entries = new ArrayList<>();
        int start = 0;
        for (int line = 1; start < bytes.length; line++) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            boolean terminated = end < bytes.length;
            byte[] text = java.util.Arrays.copyOfRange(bytes, start, end);
            start = end + 1;
            if (new String(text, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
                continue;
            }
            String where = LEGACY_LOG + " line " + line;
            try {
                Framed.requireUtf8(text);
                HistoryEntry entry = Json.mapper().readValue(text, HistoryEntry.class);
                String recomputed = DomainBundle.versionOf(entry.hashes());
                entries.add(entry.stored(where).withVersion(recomputed,
                        recomputed.equals(entry.version()) ? null : entry.version()));
            } catch (Framed.DamagedException e) {
                entries.add(HistoryEntry.unreadable(where, null, e.getMessage()));
            } catch (IOException | RuntimeException e) {
                String reason = terminated ? "not a valid entry (" + shortReason(e) + ")"
                        : "torn: the last line ends without a newline and is not a whole entry";
                entries.add(HistoryEntry.unreadable(where, null, reason));
            }
        }
        return entries;
    }

    private List<HistoryEntry> entryFiles(String domain) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (Path file : entryPaths(domain)) {
            String name = file.getFileName().toString();
            Matcher m = ENTRY_NAME.matcher(name);
            m.matches();
            entries.add(readEntry(file, "entries/" + name, m.group(2)));
        }
        return entries;
    }

    private HistoryEntry readEntry(Path file, String where, String versionInName) {
        try {
            byte[] body = Framed.decode("entry", Files.readAllBytes(file));
            Framed.requireUtf8(body);
            HistoryEntry entry = Json.mapper().readValue(body, HistoryEntry.class).stored(where);
            if (!DomainBundle.versionOf(entry.hashes()).equals(entry.version())) {
                return entry.withDamage("its version does not match the files it lists");
            }
            return entry;
        } catch (Framed.DamagedException e) {
            return HistoryEntry.unreadable(where, versionInName, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return HistoryEntry.unreadable(where, versionInName, "not a valid entry (" + shortReason(e) + ")");
        }
    }

    /** The entry files in the order they were written. */
    private List<Path> entryPaths(String domain) {
        Path dir = domainDir(domain).resolve("entries");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> ENTRY_NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The entry, or the entry marked damaged when one of its files is missing or changed. */
    private HistoryEntry withBlobsChecked(String domain, HistoryEntry entry) {
        for (HistoryEntry.HistoryFile file : entry.files()) {
            Optional<String> problem = blobProblem(domain, file);
            if (problem.isPresent()) {
                return entry.withDamage(problem.get());
            }
        }
        return entry;
    }

    private Optional<String> blobProblem(String domain, HistoryEntry.HistoryFile file) {
        if (file.sha256() == null || !SHA256.matcher(file.sha256()).matches()) {
            return Optional.of("file " + file.path() + " has no valid SHA-256");
        }
        Path blob = blobPath(domain, file.sha256());
        try {
            String actual = DomainBundle.sha256(Files.readAllBytes(blob));
            return actual.equals(file.sha256()) ? Optional.empty()
                    : Optional.of("blob " + file.sha256() + " of " + file.path() + " is damaged: its bytes hash to " + actual);
        } catch (NoSuchFileException e) {
            return Optional.of("blob " + file.sha256() + " of " + file.path() + " is missing");
        } catch (IOException e) {
            return Optional.of("blob " + file.sha256() + " of " + file.path() + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    public DomainBundle bundle(String domain, HistoryEntry entry) {
        if (!entry.intact()) {
            throw new DamagedHistoryException(domain, entry, entry.damaged());
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (HistoryEntry.HistoryFile file : entry.files()) {
            Optional<String> problem = blobProblem(domain, file);
            if (problem.isPresent()) {
                throw new DamagedHistoryException(domain, entry, problem.get());
            }
            try {
                files.put(file.path(), Files.readAllBytes(blobPath(domain, file.sha256())));
            } catch (IOException e) {
                throw new DamagedHistoryException(domain, entry, "blob " + file.sha256() + " cannot be read");
            }
        }
        return DomainBundle.of(domain, files);
    }

    @Override
    public Optional<String> active(String domain) {
        String version = active.computeIfAbsent(domain, d -> {
            List<HistoryEntry> entries = history(d);
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).intact()) {
                    return entries.get(i).version();
                }
            }
            return "";
        });
        return version.isEmpty() ? Optional.empty() : Optional.of(version);
    }

    // ---- gate records

    @Override
    public Optional<GateRecord> gateRecord(String domain, String version) {
        Path file = gatePath(domain, version);
        try {
            byte[] body = Framed.decode("gate", Files.readAllBytes(file));
            GateRecord record = Json.mapper().readValue(body, GateRecord.class);
            return version.equals(record.version()) ? Optional.of(record) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException | Framed.DamagedException e) {
            LOG.warn("domain {}: the gate record of {} is damaged ({}); the version will be gated again", domain, version,
                    e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void recordGate(String domain, GateRecord gate) {
        try {
            DurableFiles.write(historyStaging(), gatePath(domain, gate.version()), Framed.encode("gate", json(gate)), null);
        } catch (IOException e) {
            throw DurableFiles.failure("the gate record of " + gate.version() + " cannot be written", e);
        }
    }

    // ---- recording a version going live

    @Override
    public synchronized HistoryEntry record(Publication publication) {
        String domain = publication.domain();
        String version = publication.version();
        String current = active(domain).orElse(null);
        if (!Objects.equals(current, publication.base())) {
            throw new ConflictException("version " + version + " of " + domain + " was built on " + publication.base()
                    + ", but " + current + " is active now; nothing changed");
        }
        DomainBundle working = publication.writeFiles() ? working(domain) : null;
        Map<String, String> before = working != null ? working.hashes() : Map.of();
        Map<String, String> after = publication.bundle().hashes();
        String entryName = nextEntryName(domain, version);
        HistoryEntry entry = new HistoryEntry(version, Instant.now(), publication.action(), publication.publishedBy(),
                publication.message(), publication.base(), !publication.codeChanges().isEmpty(),
                List.copyOf(publication.codeChanges()), listed(publication.bundle()), null, null, null);

        Path intent = intentPath(domain);
        Map<Path, Path> moves = new LinkedHashMap<>();
        List<Path> deletions = new ArrayList<>();
        Path stagedEntry = null;
        Path stagedGate = null;
        try {
            storeBlobs(domain, publication.bundle().files());
            if (publication.writeFiles()) {
                storeBlobs(domain, working.files());
                DurableFiles.write(stateStaging(), intent, Framed.encode("intent",
                        json(new Intent(domain, publication.base(), version, entryName, before, after, entry.at()))), null);
                for (Map.Entry<String, byte[]> file : publication.bundle().files().entrySet()) {
                    if (!Objects.equals(before.get(file.getKey()), after.get(file.getKey()))) {
                        Path target = workingPath(file.getKey());
                        moves.put(DurableFiles.stage(stateStaging(), file.getValue(), DurableFiles.modeFor(target)), target);
                    }
                }
                before.keySet().stream().filter(p -> !after.containsKey(p)).forEach(p -> deletions.add(workingPath(p)));
            }
            stagedEntry = DurableFiles.stage(historyStaging(), Framed.encode("entry", json(entry)), null);
            if (publication.gate() != null) {
                stagedGate = DurableFiles.stage(historyStaging(), Framed.encode("gate", json(publication.gate())), null);
            }
        } catch (IOException | RuntimeException e) {
            discard(moves.keySet(), stagedEntry, stagedGate);
            deleteQuietly(intent);
            throw e instanceof IOException io ? DurableFiles.failure("version " + version + " of " + domain
                    + " cannot be recorded in " + historyDir, io) : (RuntimeException) e;
        }

        Path entryFile = domainDir(domain).resolve("entries").resolve(entryName);
        try {
            for (Map.Entry<Path, Path> move : moves.entrySet()) {
                DurableFiles.moveIntoPlace(move.getKey(), move.getValue());
            }
            for (Path gone : deletions) {
                DurableFiles.delete(gone);
            }
            DurableFiles.moveIntoPlace(stagedEntry, entryFile); // the moment the version is recorded
        } catch (IOException e) {
            discard(moves.keySet(), stagedEntry, stagedGate);
            if (publication.writeFiles()) {
                undo(domain, before, after, intent);
            }
            throw DurableFiles.failure("version " + version + " of " + domain + " cannot be written", e);
        }
        active.put(domain, version);
        if (stagedGate != null) {
            try {
                DurableFiles.moveIntoPlace(stagedGate, gatePath(domain, version));
            } catch (IOException e) {
                deleteQuietly(stagedGate);
                LOG.warn("domain {}: the gate record of {} was not written ({}); it is gated again at the next start",
                        domain, version, e.getMessage());
            }
        }
        deleteQuietly(intent);
        return entry.stored("entries/" + entryName);
    }

    /** Puts the working files back as they were before a publish that failed half-way. */
    private void undo(String domain, Map<String, String> before, Map<String, String> after, Path intent) {
        try {
            restore(domain, before, after.keySet());
            deleteQuietly(intent);
        } catch (IOException | RuntimeException e) {
            LOG.error("domain {}: cannot undo a failed publish now ({}); it is undone at the next start", domain,
                    e.getMessage());
        }
    }

    private static List<HistoryEntry.HistoryFile> listed(DomainBundle bundle) {
        List<HistoryEntry.HistoryFile> files = new ArrayList<>();
        bundle.files().forEach((path, bytes) -> files.add(new HistoryEntry.HistoryFile(path, bytes.length,
                bundle.hashes().get(path))));
        return files;
    }

    private void storeBlobs(String domain, Map<String, byte[]> files) throws IOException {
        for (byte[] bytes : files.values()) {
            String sha = DomainBundle.sha256(bytes);
            Path blob = blobPath(domain, sha);
            if (!Files.exists(blob) || !DomainBundle.sha256(Files.readAllBytes(blob)).equals(sha)) {
                DurableFiles.write(historyStaging(), blob, bytes, null);
            }
        }
    }

    private String nextEntryName(String domain, String version) {
        int last = 0;
        for (Path path : entryPaths(domain)) {
            Matcher m = ENTRY_NAME.matcher(path.getFileName().toString());
            if (m.matches()) {
                last = Math.max(last, Integer.parseInt(m.group(1)));
            }
        }
        return String.format("%08d-%s.json", last + 1, version);
    }

    // ---- recovery

    /** A publish under way: the files before and after it, and the entry that says it happened. */
    record Intent(String domain, String base, String version, String entry, Map<String, String> before,
                  Map<String, String> after, Instant at) {
    }

    @Override
    public synchronized void recover(Collection<String> domains) {
        for (String domain : domains) {
            Path intentFile = intentPath(domain);
            if (Files.exists(intentFile)) {
                finish(domain, intentFile);
            }
            removeLeftovers(domain);
        }
        clear(stateStaging());
        clear(historyStaging());
    }

    /** Rolls an interrupted publish forward when its entry was written, back otherwise. */
    private void finish(String domain, Path intentFile) {
        try {
            Intent intent = Json.mapper().readValue(Framed.decode("intent", Files.readAllBytes(intentFile)), Intent.class);
            Path entryFile = domainDir(domain).resolve("entries").resolve(intent.entry());
            boolean recorded = Files.exists(entryFile) && readEntry(entryFile, intent.entry(), intent.version()).intact();
            Map<String, String> wanted = recorded ? intent.after() : intent.before();
            TreeSet<String> paths = new TreeSet<>(intent.before().keySet());
            paths.addAll(intent.after().keySet());
            restore(domain, wanted, paths);
            LOG.warn("domain {}: the publish of {} was interrupted; {}", domain, intent.version(), recorded
                    ? "it was recorded, so its files were completed" : "it was not recorded, so the files of "
                    + intent.base() + " were put back");
            Files.delete(intentFile);
            DurableFiles.forceFolder(intentFile.getParent());
        } catch (IOException | RuntimeException | Framed.DamagedException e) {
            LOG.error("domain {}: the record of an interrupted publish, {}, cannot be used ({}); the files are left as "
                    + "they are and gated before they serve", domain, intentFile, e.getMessage());
            deleteQuietly(intentFile);
        }
    }

    /** Makes the working files at {@code paths} exactly {@code wanted} (path to hash; absent: no file), from the blobs. */
    private void restore(String domain, Map<String, String> wanted, Collection<String> paths) throws IOException {
        for (String path : paths) {
            Path target = workingPath(path);
            String sha = wanted.get(path);
            if (sha == null) {
                DurableFiles.delete(target);
                continue;
            }
            if (Files.exists(target) && DomainBundle.sha256(Files.readAllBytes(target)).equals(sha)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(blobPath(domain, sha));
            if (!DomainBundle.sha256(bytes).equals(sha)) {
                throw new IOException("blob " + sha + " of " + path + " is damaged");
            }
            DurableFiles.write(stateStaging(), target, bytes, DurableFiles.modeFor(target));
        }
    }

    /** Temporary files earlier releases left in the domain folders when they were killed while writing. */
    private void removeLeftovers(String domain) {
        for (String folder : DomainLayout.FOLDERS) {
            Path dir = home.resolve(folder).resolve(domain);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(p -> LEGACY_TEMP.matcher(p.getFileName().toString()).matches()).toList()) {
                    Files.deleteIfExists(file);
                    LOG.info("removed {}, left by an interrupted write", file);
                }
            } catch (IOException e) {
                LOG.warn("cannot clean {}: {}", dir, e.getMessage());
            }
        }
    }

    // ---- checking everything, offline

    @Override
    public synchronized List<String> check() {
        List<String> damage = new ArrayList<>();
        if (!Files.isDirectory(historyDir)) {
            return damage;
        }
        try (Stream<Path> dirs = Files.list(historyDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String domain = dir.getFileName().toString();
                if (domain.startsWith(".")) {
                    continue;
                }
                for (HistoryEntry entry : history(domain)) {
                    if (!entry.intact()) {
                        damage.add(domain + ": " + entry.entry() + (entry.version() == null ? "" : " (version "
                                + entry.version() + ")") + ": " + entry.damaged());
                    }
                }
                damage.addAll(blobDamage(domain));
                damage.addAll(gateDamage(domain));
            }
        } catch (IOException e) {
            damage.add(historyDir + " cannot be read: " + e.getMessage());
        }
        return damage;
    }

    private List<String> blobDamage(String domain) throws IOException {
        List<String> damage = new ArrayList<>();
        Path dir = domainDir(domain).resolve("blobs");
        if (!Files.isDirectory(dir)) {
            return damage;
        }
        try (Stream<Path> blobs = Files.list(dir)) {
            for (Path blob : blobs.sorted().toList()) {
                String name = blob.getFileName().toString();
                String actual = DomainBundle.sha256(Files.readAllBytes(blob));
                if (!actual.equals(name)) {
                    damage.add(domain + ": blobs/" + name + " is damaged: its bytes hash to " + actual);
                }
            }
        }
        return damage;
    }

    private List<String> gateDamage(String domain) throws IOException {
        List<String> damage = new ArrayList<>();
        Path dir = domainDir(domain).resolve("gate");
        if (!Files.isDirectory(dir)) {
            return damage;
        }
        try (Stream<Path> records = Files.list(dir)) {
            for (Path record : records.sorted().toList()) {
                try {
                    Json.mapper().readValue(Framed.decode("gate", Files.readAllBytes(record)), GateRecord.class);
                } catch (Framed.DamagedException | JsonProcessingException e) {
                    damage.add(domain + ": gate/" + record.getFileName() + ": " + e.getMessage()
                            + " (the version is gated again before it serves)");
                }
            }
        }
        return damage;
    }

    // ---- paths and small helpers

    private Path domainDir(String domain) {
        return historyDir.resolve(domain);
    }

    private Path blobPath(String domain, String sha) {
        return domainDir(domain).resolve("blobs").resolve(sha);
    }

    private Path gatePath(String domain, String version) {
        return domainDir(domain).resolve("gate").resolve(version + ".json");
    }

    private Path intentPath(String domain) {
        return stateDir.resolve("intents").resolve(domain + ".json");
    }

    private Path stateStaging() {
        return stateDir.resolve("staging");
    }

    private Path historyStaging() {
        return historyDir.resolve(".staging");
    }

    /** A working file's place; only inside the domain folders, whatever a record says. */
    private Path workingPath(String relative) {
        Path target = home.resolve(relative).normalize();
        if (!target.startsWith(home) || DomainLayout.kindOfPath(relative).isEmpty()) {
            throw new IllegalArgumentException("not a path of a domain file: " + relative);
        }
        return target;
    }

    private static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    private static String shortReason(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        message = String.valueOf(message).replaceAll("\\s+", " ");
        return message.length() > 160 ? message.substring(0, 160) + "..." : message;
    }

    private static void discard(Collection<Path> staged, Path... more) {
        staged.forEach(LocalRuleStore::deleteQuietly);
        for (Path p : more) {
            if (p != null) {
                deleteQuietly(p);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", path, e.getMessage());
        }
    }

    private static void clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot clear {}: {}", dir, e.getMessage());
        }
    }
}
