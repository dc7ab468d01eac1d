package smos.publish;

import java.time.Instant;

/**
 * A person signed in to the web console: who (the token's name and role, as when signing in), the
 * token every console form must carry back (CSRF), and when the session ends. The id is the secret in
 * the browser's cookie; stores keep only its digest.
 */
public record ConsoleSession(String id, String name, AccessRole role, String csrf, Instant expires) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    public Caller caller() {
        return new Caller(name, role);
    }
}
