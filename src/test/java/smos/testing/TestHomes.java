package smos.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Copies of the repository's rule, table and scenario folders, so a test can break them safely. */
public final class TestHomes {
    public static final Path REPO = Path.of("").toAbsolutePath();
    private static final List<String> FOLDERS = List.of("rules", "decision-tables", "scenarios");

    private TestHomes() {
    }

    /** A copy of the shipped home under {@code dir}. */
    public static Path copyOfShipped(Path dir) {
        for (String folder : FOLDERS) {
            copyTree(REPO.resolve(folder), dir.resolve(folder));
        }
        return dir;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
