package smos.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code UP} when every domain serves the version its files describe and every store it needs can be
 * written; {@code DEGRADED} when a domain serves an older version (its newest files were rejected) or
 * nothing at all, or a store cannot be written ({@code reasons} says which and why). Per domain its
 * status, the version it serves and where that version came from.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Health(String status, Map<String, DomainHealth> domains, List<String> reasons) {

    public Health(String status, Map<String, DomainHealth> domains) {
        this(status, domains, List.of());
    }

    /** This health, degraded for a reason outside the domains (the decision log cannot be written). */
    public Health degraded(String reason) {
        List<String> all = new ArrayList<>(reasons);
        all.add(reason);
        return new Health("DEGRADED", domains, List.copyOf(all));
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DomainHealth(String status, String version, String servingFrom) {
    }
}
