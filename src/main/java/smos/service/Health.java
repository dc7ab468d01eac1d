package smos.service;

import java.util.Map;

/**
 * {@code UP} when every domain serves the version its files describe; {@code DEGRADED} when a domain
 * serves an older version (its newest files were rejected) or nothing at all. Per domain its status,
 * the version it serves and where that version came from.
 */
public record Health(String status, Map<String, DomainHealth> domains) {

    public record DomainHealth(String status, String version, String servingFrom) {
    }
}
