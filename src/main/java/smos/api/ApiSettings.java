package smos.api;

/**
 * HTTP settings with sensible defaults: {@code maxBodyBytes} bounds a single decision request,
 * {@code maxPublishBytes} a publish; {@code tokens} may change rules (none: publishing is off);
 * {@code protectReads} asks for a token on the read and decision endpoints too.
 */
public record ApiSettings(int maxBodyBytes, long maxPublishBytes, Tokens tokens, boolean protectReads) {
    /** 1 MiB: a decision request is a few hundred bytes; anything this large is a mistake. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** 16 MiB: room for a few workbooks in one publish. */
    public static final long DEFAULT_MAX_PUBLISH_BYTES = 16L * 1024 * 1024;

    public static ApiSettings defaults() {
        return new ApiSettings(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_PUBLISH_BYTES, Tokens.none(), false);
    }

    public ApiSettings withTokens(Tokens tokens) {
        return new ApiSettings(maxBodyBytes, maxPublishBytes, tokens, protectReads);
    }
}
