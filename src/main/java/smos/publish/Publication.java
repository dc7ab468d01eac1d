package smos.publish;

import smos.engine.DomainBundle;

import java.util.List;

/**
 * A version going live, as the rule store records it in one step: the bundle, the version it replaces
 * ({@code base}: the store refuses the step when another version is active by then), who and why, and
 * the gate's record. {@code writeFiles} says whether the bundle's files must be written to the working
 * folder (a publish or rollback) or are there already (start-up, a saved edit).
 */
public record Publication(DomainBundle bundle, String base, String action, String publishedBy, String message,
                          List<String> codeChanges, GateRecord gate, boolean writeFiles) {

    public String domain() {
        return bundle.domain();
    }

    public String version() {
        return bundle.version();
    }
}
