package smos.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a domain's rule content lives in a home folder, the one place that knows it:
 * {@code decision-tables/<domain>/*.xlsx} (or the older {@code *.xls}), {@code rules/<domain>/*.drl} and
 * {@code scenarios/<domain>/*.yaml}. Paths inside a {@link DomainBundle} are relative to the home
 * and use these folders, so a bundle read from disk, from the history or from a publish looks the same.
 */
public final class DomainLayout {
    public static final String RULES_DIR = "rules";
    public static final String TABLES_DIR = "decision-tables";
    public static final String SCENARIOS_DIR = "scenarios";
    /** Every folder that holds a domain's files, each with one sub-folder per domain. */
    public static final List<String> FOLDERS = List.of(RULES_DIR, TABLES_DIR, SCENARIOS_DIR);

    /** What a file of a domain is, by the folder it sits in and its extension. */
    public enum Kind { DECISION_TABLE, DRL, SCENARIOS }

    private DomainLayout() {
    }

    /** The folder of one kind for one domain, relative to the home: {@code decision-tables/returns}. */
    public static String folder(Kind kind, String domain) {
        return switch (kind) {
            case DECISION_TABLE -> TABLES_DIR;
            case DRL -> RULES_DIR;
            case SCENARIOS -> SCENARIOS_DIR;
        } + "/" + domain;
    }

    /** The kind of a file name by its extension (any case), or empty when no domain file has it. */
    public static Optional<Kind> kindOfName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            return Optional.of(Kind.DECISION_TABLE);
        }
        if (lower.endsWith(".drl")) {
            return Optional.of(Kind.DRL);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Optional.of(Kind.SCENARIOS);
        }
        return Optional.empty();
    }

    /** The kind of a home-relative path such as {@code rules/returns/a.drl}, by its folder. */
    public static Optional<Kind> kindOfPath(String path) {
        int slash = path.indexOf('/');
        String top = slash < 0 ? path : path.substring(0, slash);
        return switch (top) {
            case TABLES_DIR -> Optional.of(Kind.DECISION_TABLE);
            case RULES_DIR -> Optional.of(Kind.DRL);
            case SCENARIOS_DIR -> Optional.of(Kind.SCENARIOS);
            default -> Optional.empty();
        };
    }

    /** The home-relative path a file of this name has in this domain. */
    public static String pathOf(String domain, Kind kind, String name) {
        return folder(kind, domain) + "/" + name;
    }

    /**
     * Whether a file in a domain folder is rule content. Excel writes {@code ~$name.xlsx} lock files,
     * LibreOffice {@code .~lock.name#}, and editors and SMOS itself dot-files while saving: none of them is.
     */
    public static boolean isDomainFile(Kind kind, String name) {
        if (name.startsWith("~$") || name.startsWith(".")) {
            return false;
        }
        return switch (kind) {
            case DECISION_TABLE -> name.endsWith(".xlsx") || name.endsWith(".xls");
            case DRL -> name.endsWith(".drl");
            case SCENARIOS -> name.endsWith(".yaml") || name.endsWith(".yml");
        };
    }

    /**
     * Editors' notes beside the rules ({@code README.md}) are neither rule content nor a mistake; any
     * other file that is not a domain file is, and is named as ignored.
     */
    private static boolean isNote(String name) {
        return name.startsWith("~$") || name.startsWith(".") || name.toLowerCase(Locale.ROOT).endsWith(".md");
    }

    /** The domain's rule content as it is in the home's folders now, with the files there that are not rule content. */
    public static DomainBundle read(Path home, String domain) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        List<String> ignored = new java.util.ArrayList<>();
        for (Kind kind : Kind.values()) {
            String folder = folder(kind, domain);
            Path dir = home.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path file : entries.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (Files.isRegularFile(file) && isDomainFile(kind, name)) {
                        files.put(folder + "/" + name, Files.readAllBytes(file));
                    } else if (Files.isRegularFile(file) && !isNote(name)) {
                        ignored.add(folder + "/" + name);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir, e);
            }
        }
        return DomainBundle.of(domain, files).ignoring(ignored);
    }
}
