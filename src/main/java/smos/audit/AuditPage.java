package smos.audit;

import java.util.List;

/** One page of records, newest first; {@code next} is the cursor of the next page, null on the last. */
public record AuditPage(List<AuditRecord> records, String next) {
}
