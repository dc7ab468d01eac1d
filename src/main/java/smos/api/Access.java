package smos.api;

import io.javalin.http.Context;

/** Checks {@code Authorization: Bearer <token>}; a missing or wrong token is a 401 that changes nothing. */
final class Access {
    private static final String BEARER = "Bearer ";

    private Access() {
    }

    /** The name of the token presented, or {@code anonymous}: who a decision is recorded for. */
    static String caller(Context ctx, Tokens tokens) {
        String presented = presented(ctx);
        return presented == null ? smos.audit.AuditRecord.ANONYMOUS
                : tokens.publisher(presented).orElse(smos.audit.AuditRecord.ANONYMOUS);
    }

    private static String presented(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
    }

    static String publisher(Context ctx, Tokens tokens) {
        String presented = presented(ctx);
        return tokens.publisher(presented).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"smos\"");
            return new smos.failure.UnauthorizedException(presented == null
                    ? "send Authorization: Bearer <token> to change rules"
                    : "the bearer token is not valid");
        });
    }
}
