package smos.cli;

import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --home DIR}: the folder holding rules/, decision-tables/ and scenarios/ (default: $SMOS_HOME, which ./smos sets to its checkout, else the current folder). */
final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR", defaultValue = "${env:SMOS_HOME:-.}",
            description = "Folder with rules/, decision-tables/ and scenarios/ (default: $SMOS_HOME, else the current"
                    + " folder; the ./smos script sets SMOS_HOME to its own checkout; here: ${DEFAULT-VALUE}).")
    Path home;

    Path resolve() {
        Path dir = home.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve(smos.engine.DomainLayout.TABLES_DIR)) && !Files.isDirectory(dir.resolve(smos.engine.DomainLayout.RULES_DIR))) {
            throw new IllegalArgumentException(dir + " has no decision-tables/ or rules/ folder; use --home DIR");
        }
        return dir;
    }
}
