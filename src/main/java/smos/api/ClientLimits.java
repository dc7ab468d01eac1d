package smos.api;

import java.time.Duration;
import java.util.List;

/**
 * What one client, slow or abusive, may hold of the server, all enforced by Jetty:
 * {@code minRequestBytesPerSecond} a body must keep arriving at (a slow body is cut off, its thread
 * freed); {@code idleTimeout} of a connection that sends nothing; {@code maxConnections} open at once;
 * {@code threadsPerClient} requests of one client address served at once (its others wait, holding
 * no thread); {@code maxActiveRequests} served at once by all clients, {@code maxQueuedRequests}
 * waiting beyond those, for at most {@code maxQueueWait}, and past either a 503; {@code trustedProxies}
 * the addresses whose {@code X-Forwarded-For} / {@code Forwarded} names the client (from any other
 * address those headers are ignored, so a client cannot pose as another).
 */
public record ClientLimits(long minRequestBytesPerSecond, Duration idleTimeout, int maxConnections,
                           int threadsPerClient, int maxActiveRequests, int maxQueuedRequests,
                           Duration maxQueueWait, List<String> trustedProxies) {

    /**
     * 256 bytes a second, counted from the first byte of the body: a slow-body attacker (a byte every
     * few seconds) is cut off at its second byte, while a client whose small body arrives a moment
     * after its headers is not (Jetty counts any wait against the rate, so a high minimum would refuse
     * a 2-byte body that came 10 ms late).
     */
    public static final long DEFAULT_MIN_REQUEST_BYTES_PER_SECOND = 256;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** Far above what the systems that post facts open, far below the process's file limit. */
    public static final int DEFAULT_MAX_CONNECTIONS = 5_000;
    /**
     * Enough to keep a few cores busy for one client (its other requests wait their turn, which on few
     * cores costs it nothing); small, so that slow bodies from 20 addresses hold 80 of the 200
     * requests served at once: the others stay free for everyone else.
     */
    public static final int DEFAULT_THREADS_PER_CLIENT = 4;
    /** Below Jetty's pool of 250 threads, leaving threads for accepting and selecting. */
    public static final int DEFAULT_MAX_ACTIVE_REQUESTS = 200;
    public static final int DEFAULT_MAX_QUEUED_REQUESTS = 2_000;
    public static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofSeconds(10);

    public ClientLimits {
        trustedProxies = List.copyOf(trustedProxies);
    }

    public static ClientLimits defaults() {
        return new ClientLimits(DEFAULT_MIN_REQUEST_BYTES_PER_SECOND, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_THREADS_PER_CLIENT, DEFAULT_MAX_ACTIVE_REQUESTS, DEFAULT_MAX_QUEUED_REQUESTS,
                DEFAULT_MAX_QUEUE_WAIT, List.of());
    }

    public ClientLimits withTrustedProxies(List<String> addresses) {
        return new ClientLimits(minRequestBytesPerSecond, idleTimeout, maxConnections, threadsPerClient,
                maxActiveRequests, maxQueuedRequests, maxQueueWait, addresses);
    }
}
