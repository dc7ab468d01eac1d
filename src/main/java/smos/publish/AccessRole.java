package smos.publish;

import java.util.Locale;
import java.util.Optional;

/**
 * What a token's holder may do, each role including the ones before it. A viewer reads (when reads
 * are protected), an editor also changes values of tables and scenarios, a publisher also changes
 * code (the Drools code rows of a table, DRL), deletes files and rolls back.
 */
public enum AccessRole {
    VIEWER, EDITOR, PUBLISHER;

    public boolean allows(AccessRole needed) {
        return compareTo(needed) >= 0;
    }

    /** The role's name as written in the token file: {@code viewer}, {@code editor}, {@code publisher}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccessRole> of(String label) {
        for (AccessRole role : values()) {
            if (role.label().equals(label)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
