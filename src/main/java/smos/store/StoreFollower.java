package smos.store;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;

/**
 * Tells a replica when another one changed a domain's active version. A connection of its own LISTENs
 * to the store's channel, so a publish elsewhere arrives within moments of its commit; every
 * {@code poll} the active versions are read as well, which catches what a dropped connection missed
 * (a NOTIFY is not kept for a listener that is not connected). Reading them also tells the store
 * whether the database is reachable, for {@code /health}.
 *
 * <p>The listener is told "domain, version" for every domain each poll, and for each notification;
 * it compares with what it serves, so telling it twice costs a comparison.
 */
public final class StoreFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFollower.class);
    /** How long one wait for notifications lasts: the longest a close or a due poll waits. */
    private static final int WAIT_MILLIS = 250;
    /** The name the listening connection has in pg_stat_activity. */
    static final String APPLICATION_NAME = "smos-rules-listen";

    private final PostgresRuleStore store;
    private final Duration poll;
    private final BiConsumer<String, String> activeVersion;
    private final Thread thread;
    private volatile boolean closed;
    private Connection listening;

    public StoreFollower(PostgresRuleStore store, Duration poll, BiConsumer<String, String> activeVersion) {
        this.store = store;
        this.poll = poll;
        this.activeVersion = activeVersion;
        this.thread = new Thread(this::run, "smos-store-follower");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long nextPoll = 0;
        while (!closed) {
            if (listening == null && !listen()) {
                sleep(WAIT_MILLIS);
            }
            if (listening != null) {
                receive();
            }
            if (System.nanoTime() - nextPoll >= 0) {
                pollNow();
                nextPoll = System.nanoTime() + poll.toNanos();
            }
        }
        closeListening();
    }

    /** Connects and LISTENs; right after, the poll catches whatever was published while not listening. */
    private boolean listen() {
        StoreAddress address = store.address();
        Properties properties = new Properties();
        if (address.user() != null) {
            properties.setProperty("user", address.user());
        }
        if (address.password() != null) {
            properties.setProperty("password", address.password());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("tcpKeepAlive", "true");
        try {
            Connection c = DriverManager.getConnection(address.url(), properties);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + PostgresRuleStore.CHANNEL);
            }
            listening = c;
            pollNow();
            return true;
        } catch (SQLException e) {
            LOG.debug("cannot listen to the rule store yet: {}", e.getMessage());
            return false;
        }
    }

    private void receive() {
        try {
            PGNotification[] notifications = listening.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
            if (notifications == null) {
                return;
            }
            for (PGNotification notification : notifications) {
                String[] domainVersion = notification.getParameter().split(" ", 2);
                if (domainVersion.length == 2) {
                    tell(domainVersion[0], domainVersion[1]);
                }
            }
        } catch (SQLException e) {
            LOG.warn("lost the rule store's notifications ({}); polling until they are back", e.getMessage());
            closeListening();
        }
    }

    private void pollNow() {
        Map<String, String> versions;
        try {
            versions = store.activeVersions();
        } catch (RuntimeException e) {
            return; // the store keeps the reason for /health; the replica serves what it has
        }
        versions.forEach(this::tell);
    }

    private void tell(String domain, String version) {
        try {
            activeVersion.accept(domain, version);
        } catch (RuntimeException e) {
            LOG.warn("cannot bring version {} of {} from the rule store: {}", version, domain, e.getMessage());
        }
    }

    private void closeListening() {
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException e) {
                LOG.debug("closing the listening connection: {}", e.getMessage());
            }
            listening = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
