package smos.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule files of one domain, read from disk under the SMOS home: {@code rules/<domain>/*.drl}
 * and {@code decision-tables/<domain>/*.xlsx} or {@code *.xls}. Editor lock and temporary files are
 * skipped; any other file is listed in {@link #ignored()}. The
 * version is a short hash of the files' names and bytes.
 */
public final class DomainSources {
    public static final String RULES_DIR = "rules";
    public static final String TABLES_DIR = "decision-tables";
    private static final int VERSION_LENGTH = 12;

    /** The workbook formats read: Excel 2007+ and the older binary format (POI reads both). */
    public static final List<String> TABLE_SUFFIXES = List.of(".xlsx", ".xls");

    private final String domain;
    private final List<SourceFile> files;
    private final List<String> ignored;
    private final String version;

    public DomainSources(String domain, List<SourceFile> files) {
        this(domain, files, List.of());
    }

    public DomainSources(String domain, List<SourceFile> files, List<String> ignored) {
        this.domain = domain;
        this.files = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        this.ignored = List.copyOf(ignored);
        this.version = hash(this.files);
    }

    public static DomainSources scan(Path home, String domain) {
        List<SourceFile> files = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        collect(home, RULES_DIR + "/" + domain, List.of(".drl"), SourceFile.Kind.DRL, files, ignored);
        collect(home, TABLES_DIR + "/" + domain, TABLE_SUFFIXES, SourceFile.Kind.DECISION_TABLE, files, ignored);
        return new DomainSources(domain, files, ignored);
    }

    private static void collect(Path home, String folder, List<String> suffixes, SourceFile.Kind kind,
                                List<SourceFile> out, List<String> ignored) {
        Path dir = home.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : entries.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file) || isEditorFile(name)) {
                    continue;
                }
                if (suffixes.stream().anyMatch(suffix -> isRuleFile(name, suffix))) {
                    out.add(new SourceFile(folder + "/" + name, Files.readAllBytes(file), kind));
                } else {
                    ignored.add(folder + "/" + name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /** Editors' lock and temporary files, and the folder's own notes (README.md), are not rule files nor mistakes. */
    private static boolean isEditorFile(String name) {
        return name.startsWith("~$") || name.startsWith(".") || name.toLowerCase(java.util.Locale.ROOT).endsWith(".md");
    }

    /** True for a decision-table workbook name ({@code .xlsx} or {@code .xls}, not an editor's lock file). */
    public static boolean isTableFile(String name) {
        return TABLE_SUFFIXES.stream().anyMatch(suffix -> isRuleFile(name, suffix));
    }

    /**
     * Files in the domain's folders that are not rule files (a {@code .csv}, an {@code .ods}, notes):
     * never read, and named in a warning so that nobody believes they are.
     */
    public List<String> ignored() {
        return ignored;
    }

    /** Excel writes {@code ~$name.xlsx} lock files and LibreOffice {@code .~lock.name#}; neither is a rule file. */
    public static boolean isRuleFile(String name, String suffix) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(suffix) && !name.startsWith("~$") && !name.startsWith(".");
    }

    public String domain() {
        return domain;
    }

    public List<SourceFile> files() {
        return files;
    }

    public String version() {
        return version;
    }

    private static String hash(List<SourceFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (SourceFile file : files) {
                digest.update(file.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.bytes());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, VERSION_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
