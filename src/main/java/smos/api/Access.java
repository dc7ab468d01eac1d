package smos.api;

import io.javalin.http.Context;

/** Checks {@code Authorization: Bearer <token>}; a missing or wrong token is a 401 that changes nothing. */
final class Access {
    private static final String BEARER = "Bearer ";

    private Access() {
    }

    static String publisher(Context ctx, Tokens tokens) {
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
        return tokens.publisher(presented).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"smos\"");
            return new smos.failure.UnauthorizedException(presented == null
                    ? "send Authorization: Bearer <token> to change rules"
                    : "the bearer token is not valid");
        });
    }
}
