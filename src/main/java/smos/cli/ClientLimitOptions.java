package smos.cli;

import picocli.CommandLine.Option;
import smos.api.ClientLimits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code serve}'s options bounding what slow or abusive clients may hold; defaults in {@link ClientLimits}. */
final class ClientLimitOptions {
    @Option(names = "--min-request-rate", paramLabel = "BYTES_PER_SECOND",
            defaultValue = "" + ClientLimits.DEFAULT_MIN_REQUEST_BYTES_PER_SECOND,
            description = "A request body arriving slower than this is cut off (default: ${DEFAULT-VALUE}).")
    long minRequestRate;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "A connection that sends nothing for this long is closed (default: ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds;

    @Option(names = "--max-connections", defaultValue = "" + ClientLimits.DEFAULT_MAX_CONNECTIONS,
            description = "Connections open at once; past them new ones wait to be accepted (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--threads-per-client", defaultValue = "" + ClientLimits.DEFAULT_THREADS_PER_CLIENT,
            description = "Requests of one client address served at once; its others wait without a thread "
                    + "(default: ${DEFAULT-VALUE}).")
    int threadsPerClient;

    @Option(names = "--max-active-requests", defaultValue = "" + ClientLimits.DEFAULT_MAX_ACTIVE_REQUESTS,
            description = "Requests served at once by all clients (default: ${DEFAULT-VALUE}).")
    int maxActiveRequests;

    @Option(names = "--max-queued-requests", defaultValue = "" + ClientLimits.DEFAULT_MAX_QUEUED_REQUESTS,
            description = "Requests waiting beyond those; more are answered 503 (default: ${DEFAULT-VALUE}).")
    int maxQueuedRequests;

    @Option(names = "--max-queue-wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "A request waits at most this long for its turn, then is answered 503 (default: ${DEFAULT-VALUE}).")
    long maxQueueWaitSeconds;

    @Option(names = "--trusted-proxy", split = ",", paramLabel = "ADDRESS",
            defaultValue = "${env:SMOS_TRUSTED_PROXIES}",
            description = "Proxies whose X-Forwarded-For / Forwarded header names the client (comma-separated "
                    + "addresses); from any other address those headers are ignored.")
    List<String> trustedProxies = new ArrayList<>();

    ClientLimits limits() {
        return new ClientLimits(minRequestRate, Duration.ofSeconds(idleTimeoutSeconds), maxConnections,
                threadsPerClient, maxActiveRequests, maxQueuedRequests, Duration.ofSeconds(maxQueueWaitSeconds),
                trustedProxies == null ? List.of() : trustedProxies.stream().filter(s -> s != null && !s.isBlank()).toList());
    }
}
