package smos.publish;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the web console keeps its sessions. They live with the rules ({@link RuleStore#consoleSessions()}),
 * so a restart or another replica sharing the store still knows a signed-in person.
 */
public interface ConsoleSessions {

    void save(ConsoleSession session);

    /** The session with this id, if there is one that has not expired; an expired one is removed. */
    Optional<ConsoleSession> find(String id, Instant now);

    void remove(String id);

    /**
     * Removes every session expired at {@code now}: those nobody came back for (a browser closed without
     * signing out). Called at each sign-in: rare enough to pay for, often enough to keep few.
     */
    void removeExpired(Instant now);

    /**
     * Sessions held by this process only: for a store that cannot hold them yet (sessions then end
     * with a restart, which is safe: people sign in again).
     */
    static ConsoleSessions inMemory() {
        Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
        return new ConsoleSessions() {
            @Override
            public void save(ConsoleSession session) {
                sessions.put(session.id(), session);
            }

            @Override
            public Optional<ConsoleSession> find(String id, Instant now) {
                ConsoleSession session = id == null ? null : sessions.get(id);
                if (session != null && session.expiredAt(now)) {
                    sessions.remove(id);
                    return Optional.empty();
                }
                return Optional.ofNullable(session);
            }

            @Override
            public void remove(String id) {
                if (id != null) {
                    sessions.remove(id);
                }
            }

            @Override
            public void removeExpired(Instant now) {
                sessions.values().removeIf(s -> s.expiredAt(now));
            }
        };
    }
}
