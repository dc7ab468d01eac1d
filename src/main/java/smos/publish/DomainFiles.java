package smos.publish;

import smos.engine.DomainSources;
import smos.scenarios.ScenarioLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files that make up one domain in a home folder: its tables, its DRL and its scenarios, by path
 * relative to the home. Writes are atomic (a temporary file in the same folder, then a rename), so a
 * reader never sees half a file.
 */
public final class DomainFiles {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    private DomainFiles() {
    }

    /** Where a published file of this name belongs: by its extension, or an error naming what is allowed. */
    public static String pathFor(String domain, String name) {
        if (name == null || !FILE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new InvalidChangeException("'" + name + "' is not a plain file name (letters, digits, . _ -)");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot > 0 && !name.substring(dot).equals(lower.substring(dot))) {
            // the folders are read by lower-case extension: x.XLSX would be written and never read
            throw new InvalidChangeException("'" + name + "': extensions are lower case; name the file "
                    + name.substring(0, dot) + lower.substring(dot));
        }
        if (lower.endsWith(".xlsx")) {
            return DomainSources.TABLES_DIR + "/" + domain + "/" + name;
        }
        if (lower.endsWith(".drl")) {
            return DomainSources.RULES_DIR + "/" + domain + "/" + name;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return ScenarioLoader.SCENARIOS_DIR + "/" + domain + "/" + name;
        }
        throw new InvalidChangeException("'" + name + "' must be a decision table (.xlsx), DRL (.drl) or a scenario file (.yaml)");
    }

    /** Every file of the domain, path relative to the home, to bytes. */
    public static Map<String, byte[]> read(Path home, String domain) {
        Map<String, byte[]> files = new TreeMap<>();
        for (String folder : new String[] {DomainSources.RULES_DIR, DomainSources.TABLES_DIR, ScenarioLoader.SCENARIOS_DIR}) {
            Path dir = home.resolve(folder).resolve(domain);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path file : entries.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (belongs(name)) {
                        files.put(folder + "/" + domain + "/" + name, Files.readAllBytes(file));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir, e);
            }
        }
        return files;
    }

    private static boolean belongs(String name) {
        return DomainSources.isRuleFile(name, ".xlsx") || DomainSources.isRuleFile(name, ".drl")
                || DomainSources.isRuleFile(name, ".yaml") || DomainSources.isRuleFile(name, ".yml");
    }

    /** Writes every file of {@code files} under {@code home}, creating folders as needed. */
    public static void writeAll(Path home, Map<String, byte[]> files) {
        files.forEach((path, bytes) -> write(home.resolve(path), bytes));
    }

    /** Makes the domain's files on disk exactly {@code files}: writes them, deletes the others. */
    public static void replace(Path home, String domain, Map<String, byte[]> files) {
        for (String existing : read(home, domain).keySet()) {
            if (!files.containsKey(existing)) {
                delete(home.resolve(existing));
            }
        }
        writeAll(home, files);
    }

    static void write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".smos-", ".tmp");
            try {
                Files.write(temp, bytes);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    static void delete(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + target, e);
        }
    }
}
