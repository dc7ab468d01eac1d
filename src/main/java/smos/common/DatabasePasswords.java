package smos.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a database password comes from: a file, else {@code PGPASSWORD}; never the JDBC URL, where it
 * would show in the process list and the start-up line. Said once for the rule store and the decision log.
 */
public final class DatabasePasswords {
    private DatabasePasswords() {
    }

    /** The password in {@code file} (trimmed), or {@code PGPASSWORD} when no file is given; null when neither. */
    public static String read(Path file) throws IOException {
        return file != null ? Files.readString(file).strip() : System.getenv("PGPASSWORD");
    }

    /**
     * Refuses a URL that carries a password.
     *
     * @param whose  what the URL is for ("the rule store's URL")
     * @param option the option that gives the password instead ("--store-password-file")
     */
    public static void refuseInUrl(String url, String whose, String option) {
        String query = url != null && url.contains("?") ? url.substring(url.indexOf('?') + 1).toLowerCase(Locale.ROOT) : "";
        String properties = url != null && url.startsWith("jdbc:h2:") && url.contains(";")
                ? url.substring(url.indexOf(';') + 1).toLowerCase(Locale.ROOT).replace(';', '&') : "";
        for (String parameter : (query + "&" + properties).split("&")) {
            if (parameter.strip().startsWith("password=")) {
                throw new IllegalArgumentException(whose + " carries a password: give it with " + option
                        + " or PGPASSWORD instead, never in the URL");
            }
        }
    }
}
