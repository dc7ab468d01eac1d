package smos.api;

/**
 * HTTP settings with sensible defaults: {@code maxBodyBytes} bounds a single decision request,
 * {@code maxPublishBytes} a publish, {@code batchMaxItems} and {@code batchMaxBytes} a batch;
 * {@code tokens} may change rules (none: publishing is off); {@code protectReads} asks for a token on
 * the read and decision endpoints too; {@code echoEndpoint} serves {@code POST /api/v1/echo}, a bare
 * endpoint for benchmarks; {@code clients} bounds what slow or abusive clients may hold; {@code stopping}
 * is how the one who stops the server tells it to drain first (each {@link #defaults()} has its own).
 */
public record ApiSettings(int maxBodyBytes, long maxPublishBytes, long batchMaxItems, long batchMaxBytes,
                          Tokens tokens, boolean protectReads, boolean echoEndpoint, int threads,
                          ClientLimits clients, Stopping stopping) {
    /** 1 MiB: a decision request is a few hundred bytes; anything this large is a mistake. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** 16 MiB: room for a few workbooks in one publish. */
    public static final long DEFAULT_MAX_PUBLISH_BYTES = 16L * 1024 * 1024;
    /** A quarter of payroll statements fits; NDJSON streams beyond this end with an error line. */
    public static final long DEFAULT_BATCH_MAX_ITEMS = 1_000_000;
    public static final long DEFAULT_BATCH_MAX_BYTES = 1024L * 1024 * 1024;
    /** Request threads; 0 keeps Jetty's default pool. */
    public static final int DEFAULT_THREADS = 0;

    public static ApiSettings defaults() {
        return new ApiSettings(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_PUBLISH_BYTES, DEFAULT_BATCH_MAX_ITEMS,
                DEFAULT_BATCH_MAX_BYTES, Tokens.none(), false, false, DEFAULT_THREADS, ClientLimits.defaults(), new Stopping());
    }

    public ApiSettings withTokens(Tokens value) {
        return new ApiSettings(maxBodyBytes, maxPublishBytes, batchMaxItems, batchMaxBytes, value, protectReads, echoEndpoint, threads, clients, stopping);
    }

    public ApiSettings withProtectReads(boolean value) {
        return new ApiSettings(maxBodyBytes, maxPublishBytes, batchMaxItems, batchMaxBytes, tokens, value, echoEndpoint, threads, clients, stopping);
    }

    public ApiSettings withBatchLimits(long items, long bytes) {
        return new ApiSettings(maxBodyBytes, maxPublishBytes, items, bytes, tokens, protectReads, echoEndpoint, threads, clients, stopping);
    }

    public ApiSettings withEchoEndpoint(boolean value) {
        return new ApiSettings(maxBodyBytes, maxPublishBytes, batchMaxItems, batchMaxBytes, tokens, protectReads, value, threads, clients, stopping);
    }

    public ApiSettings withBodyLimits(int body, long publish) {
        return new ApiSettings(body, publish, batchMaxItems, batchMaxBytes, tokens, protectReads, echoEndpoint, threads, clients, stopping);
    }

    public ApiSettings withThreads(int value) {
        return new ApiSettings(maxBodyBytes, maxPublishBytes, batchMaxItems, batchMaxBytes, tokens, protectReads,
                echoEndpoint, value, clients, stopping);
    }

    public ApiSettings withClients(ClientLimits value) {
        return new ApiSettings(maxBodyBytes, maxPublishBytes, batchMaxItems, batchMaxBytes, tokens, protectReads,
                echoEndpoint, threads, value, stopping);
    }
}
