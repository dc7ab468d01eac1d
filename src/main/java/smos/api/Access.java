package smos.api;

import io.javalin.http.Context;
import smos.audit.AuditRecord;
import smos.failure.ForbiddenException;
import smos.failure.UnauthorizedException;
import smos.publish.AccessRole;
import smos.publish.Caller;

/**
 * Checks {@code Authorization: Bearer <token>}: a missing or wrong token is a 401, a token whose role
 * does not cover the action a 403; neither changes anything.
 */
final class Access {
    private static final String BEARER = "Bearer ";

    private Access() {
    }

    /** The name of a valid token presented, or {@code anonymous}: who a decision is recorded for (never a 401). */
    static String callerName(Context ctx, Tokens tokens) {
        String presented = presented(ctx);
        return presented == null ? AuditRecord.ANONYMOUS
                : tokens.caller(presented).map(Caller::name).orElse(AuditRecord.ANONYMOUS);
    }

    private static String presented(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
    }

    /** The caller of a valid bearer token, whatever its role. */
    static Caller caller(Context ctx, Tokens tokens) {
        String presented = presented(ctx);
        return tokens.caller(presented).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"smos\"");
            return new UnauthorizedException(presented == null
                    ? "send Authorization: Bearer <token>"
                    : "the bearer token is not valid");
        });
    }

    /** The caller, if its role allows {@code what}; 403 naming the role needed otherwise. */
    static Caller caller(Context ctx, Tokens tokens, AccessRole needed, String what) {
        Caller caller = caller(ctx, tokens);
        if (!caller.role().allows(needed)) {
            throw new ForbiddenException(caller.name() + " has the role " + caller.role().label() + ", which may not "
                    + what + "; that needs the role " + needed.label() + (needed == AccessRole.PUBLISHER ? "" : " or publisher"));
        }
        return caller;
    }
}
