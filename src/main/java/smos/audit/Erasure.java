package smos.audit;

import java.time.Instant;

/** An erasure on record: who erased, when, at which field and how many records; never the value. */
public record Erasure(String erasureId, Instant erasedAt, String erasedBy, String domain, String field, int records) {
}
