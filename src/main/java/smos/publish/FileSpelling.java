package smos.publish;

import java.util.Collection;

/**
 * One spelling per file. On Linux {@code x.xlsx} and {@code X.xlsx} are two files, on Windows and macOS
 * (where the folder may be synced or checked out) one; a name that differs from a file of the domain
 * only by case is refused, naming the spelling the domain has, so that a write and a delete always
 * agree on which file they mean.
 */
final class FileSpelling {
    private FileSpelling() {
    }

    /** {@code path} if no other file among {@code known} differs from it only by case; else a 400 naming that file. */
    static String check(Collection<String> known, String path) {
        if (known.contains(path)) {
            return path;
        }
        for (String existing : known) {
            if (existing.equalsIgnoreCase(path) && !existing.equals(path)) {
                throw new InvalidChangeException("'" + name(path) + "' differs only by case from the domain's file '"
                        + name(existing) + "'; use that spelling: " + name(existing));
            }
        }
        return path;
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
