package smos.cli;

import picocli.CommandLine.Option;
import smos.common.DatabasePasswords;
import smos.store.StoreAddress;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The shared rule store's options: its URL, the user and the password. The password comes from a file
 * or {@code PGPASSWORD}, never from the URL (it would show in the process list and the start-up line).
 */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "URL", defaultValue = "${env:SMOS_STORE}",
            description = "Keep rules and their history in PostgreSQL, shared by every replica given the same URL "
                    + "(jdbc:postgresql://host/db; default: $SMOS_STORE; without it, the files of the home folder).")
    String url;

    @Option(names = "--store-user", paramLabel = "USER", defaultValue = "${env:SMOS_STORE_USER:-${env:PGUSER}}",
            description = "Database user of the store (default: $SMOS_STORE_USER or $PGUSER; or user=... in the URL).")
    String user;

    @Option(names = "--store-password-file", paramLabel = "FILE",
            description = "File holding the store database's password (default: $PGPASSWORD); never put it in the URL.")
    Path passwordFile;

    boolean configured() {
        return url != null && !url.isBlank();
    }

    StoreAddress address() throws IOException {
        return new StoreAddress(url.strip(), user == null || user.isBlank() ? null : user,
                DatabasePasswords.read(passwordFile));
    }
}
