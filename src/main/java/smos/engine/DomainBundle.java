package smos.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A domain's rule content as one immutable value: every file (decision tables, DRL and scenarios) by
 * its path relative to the home ({@link DomainLayout}), and its version, a content hash of all of them.
 * Whatever way rules arrive (the folder at start-up, a saved edit, a publish, a rollback, the history)
 * they arrive as a bundle, and compiling, the spreadsheet checks and the scenario gate read only the
 * bundle: what was checked is exactly what serves and what is recorded.
 *
 * <p>The version is the first 12 hex digits of SHA-256 over each file's path and the SHA-256 of its
 * bytes, in path order. Hashing the file hashes (not the bytes) lets a history entry, which lists each
 * file's hash, have its version recomputed without reading the files.
 */
public final class DomainBundle {
    private static final int VERSION_LENGTH = 12;

    private final String domain;
    private final SortedMap<String, byte[]> files;
    private final SortedMap<String, String> hashes;
    private final String version;
    /** Files found beside the content that are not content (read from a folder): not hashed, only reported. */
    private final List<String> ignored;

    private DomainBundle(String domain, SortedMap<String, byte[]> files) {
        this(domain, files, List.of());
    }

    private DomainBundle(String domain, SortedMap<String, byte[]> files, List<String> ignored) {
        this.domain = domain;
        this.ignored = List.copyOf(ignored);
        this.files = Collections.unmodifiableSortedMap(files);
        TreeMap<String, String> sums = new TreeMap<>();
        files.forEach((path, bytes) -> sums.put(path, sha256(bytes)));
        this.hashes = Collections.unmodifiableSortedMap(sums);
        this.version = versionOf(sums);
    }

    /** A bundle of these files (path relative to the home to bytes); the byte arrays are copied. */
    public static DomainBundle of(String domain, Map<String, byte[]> files) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
        return new DomainBundle(domain, copy);
    }

    /** The version of a bundle whose files have these SHA-256 hashes (path to hex). */
    public static String versionOf(Map<String, String> hashesByPath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> file : new TreeMap<>(hashesByPath).entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue().getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, VERSION_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public String domain() {
        return domain;
    }

    public String version() {
        return version;
    }

    /** Every file, path to bytes, in path order. The arrays must not be changed. */
    public SortedMap<String, byte[]> files() {
        return files;
    }

    /** Every file's SHA-256, path to hex. */
    public SortedMap<String, String> hashes() {
        return hashes;
    }

    /** The rule files (tables and DRL), as the compiler and the spreadsheet checks read them. */
    public DomainSources sources() {
        List<SourceFile> rules = new ArrayList<>();
        files.forEach((path, bytes) -> DomainLayout.kindOfPath(path).ifPresent(kind -> {
            switch (kind) {
                case DECISION_TABLE -> rules.add(new SourceFile(path, bytes, SourceFile.Kind.DECISION_TABLE));
                case DRL -> rules.add(new SourceFile(path, bytes, SourceFile.Kind.DRL));
                case SCENARIOS -> { }
            }
        }));
        return new DomainSources(domain, rules, ignored, version);
    }

    /** The scenario files, path to bytes, in path order. */
    public SortedMap<String, byte[]> scenarios() {
        TreeMap<String, byte[]> scenarios = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (DomainLayout.kindOfPath(path).orElse(null) == DomainLayout.Kind.SCENARIOS) {
                scenarios.put(path, bytes);
            }
        });
        return scenarios;
    }

    /** This bundle, noting the files found beside it in its folders that are not rule content. */
    public DomainBundle ignoring(List<String> paths) {
        return new DomainBundle(domain, new TreeMap<>(files), paths);
    }

    /** This bundle with some files written (path to bytes) and others removed. */
    public DomainBundle with(Map<String, byte[]> puts, Set<String> deletes) {
        TreeMap<String, byte[]> next = new TreeMap<>(files);
        deletes.forEach(next::remove);
        puts.forEach((path, bytes) -> next.put(path, bytes.clone()));
        return new DomainBundle(domain, next);
    }

    @Override
    public String toString() {
        return domain + "@" + version + " (" + files.size() + " files)";
    }
}
