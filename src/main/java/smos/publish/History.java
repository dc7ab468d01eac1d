package smos.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.request.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every version each domain served, on disk under a configurable folder, so it survives restarts:
 * {@code <dir>/<domain>/versions.jsonl} lists the entries, oldest first, and {@code blobs/<sha256>}
 * holds each file's bytes once. A rollback restores exactly those bytes.
 */
public final class History {
    private static final Logger LOG = LoggerFactory.getLogger(History.class);
    private static final String LOG_FILE = "versions.jsonl";
    private static final String BLOBS = "blobs";

    private final Path dir;

    public History(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** Stores the files, then appends the entry: an entry never names a file that is not stored. */
    public synchronized HistoryEntry append(String domain, String version, String action, String publishedBy,
                                            String message, String previousVersion, List<String> codeChanges,
                                            Map<String, byte[]> files) {
        List<HistoryEntry.HistoryFile> listed = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String sha = sha256(file.getValue());
            Path blob = dir.resolve(domain).resolve(BLOBS).resolve(sha);
            if (!Files.exists(blob)) {
                DomainFiles.write(blob, file.getValue());
            }
            listed.add(new HistoryEntry.HistoryFile(file.getKey(), file.getValue().length, sha));
        }
        HistoryEntry entry = new HistoryEntry(version, java.time.Instant.now(), action, publishedBy, message,
                previousVersion, !codeChanges.isEmpty(), List.copyOf(codeChanges), List.copyOf(listed));
        try {
            Path log = dir.resolve(domain).resolve(LOG_FILE);
            Files.createDirectories(log.getParent());
            Files.write(log, (Json.mapper().writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history of " + domain + " under " + dir, e);
        }
        return entry;
    }

    /** The domain's entries, oldest first; a damaged line is skipped and logged, never fatal. */
    public synchronized List<HistoryEntry> entries(String domain) {
        Path log = dir.resolve(domain).resolve(LOG_FILE);
        if (!Files.exists(log)) {
            return List.of();
        }
        List<HistoryEntry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(Json.mapper().readValue(line, HistoryEntry.class));
                } catch (JsonProcessingException e) {
                    LOG.warn("skipping a damaged line of {}: {}", log, e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
        return entries;
    }

    public Optional<HistoryEntry> latest(String domain) {
        List<HistoryEntry> entries = entries(domain);
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    /** The newest entry that served {@code version}. */
    public Optional<HistoryEntry> find(String domain, String version) {
        List<HistoryEntry> entries = entries(domain);
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).version().equals(version)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /** The exact bytes of an entry's files, checked against their recorded hashes. */
    public Map<String, byte[]> files(String domain, HistoryEntry entry) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (HistoryEntry.HistoryFile file : entry.files()) {
            Path blob = dir.resolve(domain).resolve(BLOBS).resolve(file.sha256());
            try {
                byte[] bytes = Files.readAllBytes(blob);
                if (!sha256(bytes).equals(file.sha256())) {
                    throw new IllegalStateException("history blob " + blob + " is damaged");
                }
                files.put(file.path(), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + blob, e);
            }
        }
        return files;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
