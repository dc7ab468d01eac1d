package smos.console;

import io.javalin.http.Context;
import smos.failure.ForbiddenException;
import smos.publish.Caller;
import smos.publish.ConsoleSession;
import smos.publish.ConsoleSessions;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sessions and CSRF for the console. A named token (the same tokens and roles as the publishing API)
 * signs a person in; the browser then holds only a random session id in a cookie that scripts cannot
 * read (HttpOnly), that no other site's request carries (SameSite=Strict) and that travels over TLS only
 * when the page came over TLS (Secure). Every form carries the session's CSRF token and every POST is
 * checked against it; the sign-in form, before any session exists, carries one that must match a
 * short-lived cookie (double submit), so another site cannot sign a browser in under its own token.
 */
final class SignIn {
    static final String SESSION_COOKIE = "smos_console";
    static final String SIGN_IN_COOKIE = "smos_console_signin";
    static final String CSRF_FIELD = "csrf";
    /**
     * A working day: long enough not to interrupt someone editing tables, short enough that a browser
     * left signed in (or a token revoked since) does not stay usable for days. Not a policy of the rules:
     * a property of the console's security.
     */
    static final Duration SESSION_LENGTH = Duration.ofHours(8);
    private static final Duration SIGN_IN_FORM_LENGTH = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleSessions sessions;
    private final Function<String, Optional<Caller>> tokens;
    private final Clock clock;

    SignIn(ConsoleSessions sessions, Function<String, Optional<Caller>> tokens, Clock clock) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The visitor of this request: the session its cookie names, if it is still valid. */
    Visitor visitor(Context ctx) {
        return sessions.find(ctx.cookie(SESSION_COOKIE), clock.instant()).map(Visitor::new).orElse(Visitor.ANONYMOUS);
    }

    /** A fresh CSRF token for the sign-in form, also set as a cookie that the POST must send back. */
    String signInFormToken(Context ctx) {
        String token = random();
        setCookie(ctx, SIGN_IN_COOKIE, token, SIGN_IN_FORM_LENGTH.toSeconds());
        return token;
    }

    /** Signs in with a token, or says why not (nothing about which tokens exist). */
    Optional<ConsoleSession> signIn(Context ctx, String token) {
        checkSignInForm(ctx);
        Optional<Caller> caller = tokens.apply(token == null ? null : token.strip());
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        String previous = ctx.cookie(SESSION_COOKIE);
        sessions.remove(previous); // a new id on every sign-in: a planted cookie never becomes a session
        ConsoleSession session = new ConsoleSession(random(), caller.get().name(), caller.get().role(), random(),
                clock.instant().plus(SESSION_LENGTH));
        sessions.save(session);
        sessions.removeExpired(clock.instant());
        setCookie(ctx, SESSION_COOKIE, session.id(), SESSION_LENGTH.toSeconds());
        setCookie(ctx, SIGN_IN_COOKIE, "", 0);
        return Optional.of(session);
    }

    void signOut(Context ctx) {
        sessions.remove(ctx.cookie(SESSION_COOKIE));
        setCookie(ctx, SESSION_COOKIE, "", 0);
    }

    /** Every console POST but the sign-in: the form's CSRF token must be the session's. */
    Visitor checkForm(Context ctx) {
        Visitor visitor = visitor(ctx);
        if (!visitor.signedIn()) {
            throw new ForbiddenException("sign in to the console first; the form was not sent from a console session");
        }
        if (!same(visitor.csrf(), ctx.formParam(CSRF_FIELD))) {
            throw new ForbiddenException("the form has no valid CSRF token (field " + CSRF_FIELD
                    + "); reload the page and send it again");
        }
        return visitor;
    }

    private void checkSignInForm(Context ctx) {
        String expected = ctx.cookie(SIGN_IN_COOKIE);
        if (expected == null || expected.isEmpty() || !same(expected, ctx.formParam(CSRF_FIELD))) {
            throw new ForbiddenException("the sign-in form has no valid CSRF token (field " + CSRF_FIELD
                    + "); open the sign-in page again");
        }
    }

    private static boolean same(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
        boolean tls = "https".equalsIgnoreCase(ctx.scheme());
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/console; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : ""));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
