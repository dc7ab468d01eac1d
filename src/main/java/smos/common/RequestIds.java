package smos.common;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids for requests and decisions: UUID version 7 (RFC 9562), so that ids sort by the time they were
 * given and the audit log's index on them stays append-mostly. The JDK has no version 7 generator
 * yet, and it is a dozen lines: not worth a dependency.
 */
public final class RequestIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    public static String next() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long randB = RANDOM.nextLong();
        long most = (millis << 16) | 0x7000L | randA;
        long least = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
