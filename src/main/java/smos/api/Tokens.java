package smos.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smos.publish.AccessRole;
import smos.publish.Caller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bearer tokens SMOS accepts, each with a name (recorded in the history as who made a change) and
 * a role ({@link AccessRole}). Only SHA-256 digests are kept, compared in constant time; a token never
 * reaches a log or a response.
 *
 * <p>A token file has one token per line: {@code name:role=token}; {@code name=token} and a bare token
 * are publishers (as before roles existed). Blank lines and lines starting with # are skipped; a line
 * that cannot be read is reported (by its number, never its text) and ignored. The file is read again
 * when it changes (its time, size or identity; checked on use), so a token is added or revoked without
 * a restart. A file that disappears accepts no token until it is back.
 */
public final class Tokens {
    private static final Logger LOG = LoggerFactory.getLogger(Tokens.class);
    /** Short tokens are guessable; a token file line with one is ignored, a configured one refused. */
    public static final int MIN_LENGTH = 16;
    /** File times may be this coarse: a file changed this close to its reading is read again on next use. */
    private static final long TIME_GRANULARITY_MILLIS = 2_000;

    private record Holder(Caller caller, byte[] digest) {
    }

    /** What one reading found: the tokens, and a note per line that was odd or ignored. */
    private record Reading(List<Holder> holders, List<String> notes, Stamp stamp, long readAtMillis) {
        /** A change within the file time's granularity of the reading could go unnoticed: read again. */
        boolean racy() {
            return stamp != null && stamp.modifiedMillis() > readAtMillis - TIME_GRANULARITY_MILLIS;
        }
    }

    private record Stamp(long modifiedMillis, long size, Object key) {
    }

    private final Path file;
    private volatile Reading reading;

    private Tokens(Path file, Reading reading) {
        this.file = file;
        this.reading = reading;
    }

    public static Tokens none() {
        return new Tokens(null, new Reading(List.of(), List.of(), null, 0));
    }

    /** Name to token, each a publisher; a short token is refused (a configuration error, not a file line). */
    public static Tokens of(Map<String, String> tokens) {
        List<Holder> holders = new ArrayList<>();
        tokens.forEach((name, token) -> {
            if (token == null || token.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("the publish token of " + name + " is shorter than "
                        + MIN_LENGTH + " characters; use a long random one");
            }
            holders.add(new Holder(Caller.publisher(name), digest(token)));
        });
        return new Tokens(null, new Reading(List.copyOf(holders), List.of(), null, 0));
    }

    /** The lines of a token file, read once. */
    public static Tokens parse(List<String> lines) {
        return new Tokens(null, read(lines, null, 0));
    }

    /**
     * The token file, read now (an unreadable file stops the start-up: it is a configuration error) and
     * again whenever it changes.
     */
    public static Tokens watching(Path file) throws IOException {
        Stamp stamp = stamp(file);
        long readAt = System.currentTimeMillis();
        Reading first = read(Files.readAllLines(file, StandardCharsets.UTF_8), stamp, readAt);
        first.notes().forEach(note -> LOG.warn("token file {}: {}", file, note));
        return new Tokens(file, first);
    }

    /** What was odd or ignored in the last reading, line by line (a line without a role, a short token, ...). */
    public List<String> notes() {
        return current().notes();
    }

    /** Whether tokens are configured at all: a token file (even one empty for now) or a token. */
    public boolean enabled() {
        return file != null || !reading.holders().isEmpty();
    }

    /** The caller whose token this is; every configured token is compared, in constant time each. */
    public Optional<Caller> caller(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        Caller match = null;
        for (Holder holder : current().holders()) {
            if (MessageDigest.isEqual(holder.digest(), digest) && match == null) {
                match = holder.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    private Reading current() {
        Reading last = reading;
        if (file == null) {
            return last;
        }
        Stamp now = stampOrNull(file);
        if (Objects.equals(now, last.stamp()) && !last.racy()) {
            return last;
        }
        synchronized (this) {
            last = reading;
            now = stampOrNull(file);
            if (Objects.equals(now, last.stamp()) && !last.racy()) {
                return last;
            }
            reading = reread(now);
            return reading;
        }
    }

    private Reading reread(Stamp stamp) {
        long readAt = System.currentTimeMillis();
        if (stamp == null) {
            LOG.warn("token file {} is gone: no token is accepted until it is back", file);
            return new Reading(List.of(), List.of("the file is gone"), null, readAt);
        }
        try {
            Reading fresh = read(Files.readAllLines(file, StandardCharsets.UTF_8), stamp, readAt);
            if (!sameHolders(fresh, reading)) {
                LOG.info("token file {} changed: {} tokens now", file, fresh.holders().size());
                fresh.notes().forEach(note -> LOG.warn("token file {}: {}", file, note));
            }
            return fresh;
        } catch (IOException | RuntimeException e) {
            LOG.warn("token file {} cannot be read ({}): no token is accepted until it can", file, e.getClass().getSimpleName());
            return new Reading(List.of(), List.of("the file cannot be read"), stamp, readAt);
        }
    }

    private static boolean sameHolders(Reading a, Reading b) {
        if (a.holders().size() != b.holders().size()) {
            return false;
        }
        for (int i = 0; i < a.holders().size(); i++) {
            Holder x = a.holders().get(i);
            Holder y = b.holders().get(i);
            if (!x.caller().equals(y.caller()) || !Arrays.equals(x.digest(), y.digest())) {
                return false;
            }
        }
        return true;
    }

    private static Reading read(List<String> lines, Stamp stamp, long readAt) {
        List<Holder> holders = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int entries = 0; // a bare token is named by its place among the entries, as before roles existed
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            entries++;
            String where = "line " + n + ": ";
            int eq = line.indexOf('=');
            String token;
            String name;
            AccessRole role = AccessRole.PUBLISHER;
            if (eq < 0) {
                token = line;
                name = "token-" + entries;
                notes.add(where + "a token without a name or role is taken as " + name + " with the role publisher; "
                        + "write name:role=token (roles: viewer, editor, publisher)");
            } else {
                token = line.substring(eq + 1).strip();
                String who = line.substring(0, eq).strip();
                int colon = who.indexOf(':');
                name = colon < 0 ? who : who.substring(0, colon).strip();
                if (colon < 0) {
                    notes.add(where + name + " has no role and is taken as a publisher; write " + name
                            + ":publisher=<token> (roles: viewer, editor, publisher)");
                } else {
                    String label = who.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
                    Optional<AccessRole> named = AccessRole.of(label);
                    if (named.isEmpty()) {
                        notes.add(where + "unknown role '" + label + "' (viewer, editor, publisher); the line is ignored");
                        continue;
                    }
                    role = named.get();
                }
                if (name.isEmpty() || name.chars().anyMatch(Character::isISOControl)) {
                    notes.add(where + "no name before the role and token; the line is ignored");
                    continue;
                }
            }
            if (token.length() < MIN_LENGTH) {
                notes.add(where + "the token is shorter than " + MIN_LENGTH + " characters; the line is ignored");
                continue;
            }
            byte[] digest = digest(token);
            if (holders.stream().anyMatch(h -> MessageDigest.isEqual(h.digest(), digest))) {
                notes.add(where + "the same token as an earlier line; the line is ignored");
                continue;
            }
            holders.add(new Holder(new Caller(name, role), digest));
        }
        return new Reading(List.copyOf(holders), List.copyOf(notes), stamp, readAt);
    }

    private static Stamp stamp(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size(), attributes.fileKey());
    }

    private static Stamp stampOrNull(Path file) {
        try {
            return stamp(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return new Stamp(-1, -1, e.getClass().getName()); // differs from any reading: read again, and fail there
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "Tokens[" + reading.holders().size() + " configured" + (file == null ? "" : ", from " + file) + "]";
    }
}
