package smos.quota;

import smos.common.Region;

/** One finding: {@code region}, {@code repId} and {@code accountId} name what it is about, or are null. */
public record QuotaFinding(FindingCode code, Severity severity, Region region, String repId, String accountId,
                           String message) {
}
