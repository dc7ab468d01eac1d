package smos.api;

/** HTTP settings with sensible defaults: {@code maxBodyBytes} bounds a single decision request. */
public record ApiSettings(int maxBodyBytes) {
    /** 1 MiB: a decision request is a few hundred bytes; anything this large is a mistake. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public static ApiSettings defaults() {
        return new ApiSettings(DEFAULT_MAX_BODY_BYTES);
    }
}
