package smos.store;

import java.util.Locale;

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
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1).toLowerCase(Locale.ROOT) : "";
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("password=")) {
                throw new IllegalArgumentException("the rule store's URL carries a password: give it with "
                        + "--store-password-file or PGPASSWORD instead, never in the URL");
            }
        }
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
