package smos.publish;

import smos.engine.DomainLayout;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names a published file may have, and where in the domain it belongs. Reading and writing the
 * domain's files is the rule store's ({@link LocalRuleStore}); the folders are {@link DomainLayout}'s.
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
        return DomainLayout.kindOfName(name).map(kind -> DomainLayout.pathOf(domain, kind, name))
                .orElseThrow(() -> new InvalidChangeException(
                        "'" + name + "' must be a decision table (.xlsx), DRL (.drl) or a scenario file (.yaml)"));
    }
}
