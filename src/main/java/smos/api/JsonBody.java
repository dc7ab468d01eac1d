package smos.api;

import io.javalin.http.Context;

/**
 * Kept for the publishing routes until they read through {@link BodyReader} themselves: the same
 * reading, limits and answers.
 */
final class JsonBody {
    private JsonBody() {
    }

    static byte[] read(Context ctx, int maxBytes) {
        return new BodyReader(maxBytes, "a decision request").json(ctx);
    }

    static <T> T readAs(Context ctx, int maxBytes, Class<T> type) {
        return new BodyReader(maxBytes, "a decision request").jsonAs(ctx, type);
    }
}
