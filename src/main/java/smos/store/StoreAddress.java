package smos.store;

import smos.common.DatabasePasswords;

/**
 * Where the shared rule store is and who connects: a PostgreSQL JDBC URL, the user (from
 * {@code --store-user}, or the URL's {@code user} parameter) and the password, which comes from a file
 * or {@code PGPASSWORD} and never from the URL, so that it is neither in a process list nor in the
 * start-up line.
 */
public record StoreAddress(String url, String user, String password) {

    public StoreAddress {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the rule store is a PostgreSQL JDBC URL (jdbc:postgresql://host/db), not '"
                    + describe(url) + "'");
        }
        DatabasePasswords.refuseInUrl(url, "the rule store's URL", "--store-password-file");
    }

    /** The URL without its parameters: for messages and the start-up line. */
    public String describe() {
        return describe(url);
    }

    private static String describe(String url) {
        if (url == null) {
            return "";
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return describe() + (user == null ? "" : " as " + user);
    }
}
