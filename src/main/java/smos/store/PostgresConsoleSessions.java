package smos.store;

import smos.engine.DomainBundle;
import smos.publish.AccessRole;
import smos.publish.ConsoleSession;
import smos.publish.ConsoleSessions;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Console sessions in the rule store's database (table {@code console_session}), so every replica behind
 * a load balancer knows a person signed in on any of them, and a restart signs nobody out. A row is named
 * by the SHA-256 of the session id: the table never holds a cookie's secret. Expired rows go when they are
 * read and, for those nobody comes back for, at every sign-in (an index on the expiry).
 */
final class PostgresConsoleSessions implements ConsoleSessions {
    private final PostgresRuleStore store;

    PostgresConsoleSessions(PostgresRuleStore store) {
        this.store = store;
    }

    @Override
    public void save(ConsoleSession session) {
        store.write("the console session", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO console_session (id_sha256, name, role, csrf, expires) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id_sha256) DO UPDATE SET name = EXCLUDED.name, "
                    + "role = EXCLUDED.role, csrf = EXCLUDED.csrf, expires = EXCLUDED.expires")) {
                s.setString(1, digest(session.id()));
                s.setString(2, session.name());
                s.setString(3, session.role().label());
                s.setString(4, session.csrf());
                s.setObject(5, session.expires().atOffset(ZoneOffset.UTC));
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void removeExpired(Instant now) {
        store.write("the expired console sessions", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_session WHERE expires <= ?")) {
                s.setObject(1, now.atOffset(ZoneOffset.UTC));
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<ConsoleSession> find(String id, Instant now) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String digest = digest(id);
        Optional<ConsoleSession> found = store.read("the console session", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT name, role, csrf, expires FROM console_session WHERE id_sha256 = ?")) {
                s.setString(1, digest);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String name = rs.getString(1);
                    Optional<AccessRole> role = AccessRole.of(rs.getString(2));
                    String csrf = rs.getString(3);
                    Instant expires = rs.getObject(4, OffsetDateTime.class).toInstant();
                    // a role this build does not know (written by a newer one): the person signs in again
                    return role.map(r -> new ConsoleSession(id, name, r, csrf, expires))
                            .or(() -> Optional.of(new ConsoleSession(id, name, AccessRole.VIEWER, csrf, Instant.EPOCH)));
                }
            }
        });
        if (found.isPresent() && found.get().expiredAt(now)) {
            remove(id);
            return Optional.empty();
        }
        return found;
    }

    @Override
    public void remove(String id) {
        if (id == null || id.isBlank()) {
            return;
        }
        store.write("the console session", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_session WHERE id_sha256 = ?")) {
                s.setString(1, digest(id));
                s.executeUpdate();
            }
            return null;
        });
    }

    private static String digest(String id) {
        return DomainBundle.sha256(id.getBytes(StandardCharsets.UTF_8));
    }
}
