package smos.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer tokens that may change rules, each with the publisher's name recorded in the history.
 * Only SHA-256 digests are kept, compared in constant time; a token never reaches a log or a response.
 */
public final class Tokens {
    /** Short tokens are guessable; refuse them at start-up rather than run with one. */
    public static final int MIN_LENGTH = 16;

    private record Holder(String publisher, byte[] digest) {
    }

    private final List<Holder> holders;

    private Tokens(List<Holder> holders) {
        this.holders = holders;
    }

    public static Tokens none() {
        return new Tokens(List.of());
    }

    /** Publisher name to token. */
    public static Tokens of(Map<String, String> tokens) {
        List<Holder> holders = new ArrayList<>();
        tokens.forEach((publisher, token) -> {
            if (token == null || token.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("the publish token of " + publisher + " is shorter than "
                        + MIN_LENGTH + " characters; use a long random one");
            }
            holders.add(new Holder(publisher, digest(token)));
        });
        return new Tokens(List.copyOf(holders));
    }

    /**
     * Reads a token file: one token per line, optionally {@code name=token}; blank lines and lines
     * starting with # are ignored. A bare token's publisher is {@code token-N}.
     */
    public static Tokens parse(List<String> lines) {
        Map<String, String> tokens = new LinkedHashMap<>();
        int n = 0;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            n++;
            int eq = line.indexOf('=');
            if (eq > 0) {
                tokens.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            } else {
                tokens.put("token-" + n, line);
            }
        }
        return of(tokens);
    }

    public boolean enabled() {
        return !holders.isEmpty();
    }

    /** The publisher whose token this is; every configured token is compared, in constant time each. */
    public Optional<String> publisher(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        String match = null;
        for (Holder holder : holders) {
            if (MessageDigest.isEqual(holder.digest(), digest)) {
                match = holder.publisher();
            }
        }
        return Optional.ofNullable(match);
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
        return "Tokens[" + holders.size() + " configured]";
    }
}
