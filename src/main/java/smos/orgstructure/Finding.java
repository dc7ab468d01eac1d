package smos.orgstructure;

import smos.common.Region;

/**
 * One finding. {@code managerId} names the manager of a span finding (null otherwise); {@code region} is
 * the region of a director finding, or the region of the manager of a span finding.
 */
public record Finding(FindingCode code, Severity severity, String managerId, Region region, String message) {
}
