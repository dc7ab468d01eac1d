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
 * and {@code decision-tables/<domain>/*.xlsx}. Editor lock and temporary files are ignored. The
 * version is a short hash of the files' names and bytes.
 */
public final class DomainSources {
    public static final String RULES_DIR = "rules";
    public static final String TABLES_DIR = "decision-tables";
    private static final int VERSION_LENGTH = 12;

    private final String domain;
    private final List<SourceFile> files;
    private final String version;

    public DomainSources(String domain, List<SourceFile> files) {
        this.domain = domain;
        this.files = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        this.version = hash(this.files);
    }

    public static DomainSources scan(Path home, String domain) {
        List<SourceFile> files = new ArrayList<>();
        collect(home, RULES_DIR + "/" + domain, ".drl", SourceFile.Kind.DRL, files);
        collect(home, TABLES_DIR + "/" + domain, ".xlsx", SourceFile.Kind.DECISION_TABLE, files);
        return new DomainSources(domain, files);
    }

    private static void collect(Path home, String folder, String suffix, SourceFile.Kind kind, List<SourceFile> out) {
        Path dir = home.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : entries.sorted().toList()) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && isRuleFile(name, suffix)) {
                    out.add(new SourceFile(folder + "/" + name, Files.readAllBytes(file), kind));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /** Excel writes {@code ~$name.xlsx} lock files and LibreOffice {@code .~lock.name#}; neither is a rule file. */
    public static boolean isRuleFile(String name, String suffix) {
        return name.endsWith(suffix) && !name.startsWith("~$") && !name.startsWith(".");
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
