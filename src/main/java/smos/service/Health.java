package smos.service;

import java.util.Map;

/** {@code UP} when every domain serves a version, {@code DEGRADED} otherwise; per domain its status. */
public record Health(String status, Map<String, DomainHealth> domains) {

    public record DomainHealth(String status, String version) {
    }
}
