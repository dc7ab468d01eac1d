package smos.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether this replica should be sent traffic: {@code READY} when every domain has a good version to
 * serve and every database it was configured with (rule store, decision log) answers now;
 * {@code NOT_READY} with the reasons otherwise. Unlike {@link Health}, a domain serving an older good
 * version (its newest files were refused) is ready: it answers decisions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Readiness(String status, List<String> reasons) {

    /** Ready unless a domain serves nothing or one of {@code unreachable} names a database that does not answer. */
    public static Readiness of(Health health, List<String> unreachable) {
        List<String> reasons = new ArrayList<>();
        health.domains().forEach((domain, state) -> {
            if (state.version() == null) {
                reasons.add("domain " + domain + " has no good version to serve (" + state.status() + ")");
            }
        });
        reasons.addAll(unreachable);
        return new Readiness(reasons.isEmpty() ? "READY" : "NOT_READY", List.copyOf(reasons));
    }

    public boolean ready() {
        return reasons.isEmpty();
    }
}
