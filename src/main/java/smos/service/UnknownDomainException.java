package smos.service;

import java.util.List;

/** No domain has this id. Becomes a 404 naming the known domains. */
public class UnknownDomainException extends smos.failure.Failure {
    private final transient List<String> known;

    public UnknownDomainException(String domain, List<String> known) {
        super(smos.failure.FailureKind.UNKNOWN_DOMAIN, "no domain '" + domain + "'; known domains: " + String.join(", ", known));
        this.known = List.copyOf(known);
    }

    public List<String> known() {
        return known;
    }
}
