package smos.engine;

import org.kie.api.KieBase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable, compiled version of one domain's rules: the knowledge base, the version (hash of the
 * source files), the files it was built from (bytes included, so it can be compared and archived),
 * and where each rule was written.
 */
public record CompiledRuleSet(String domain, String version, DomainSources sources, KieBase kieBase,
                              Map<String, RuleOrigin> origins, Instant loadedAt, Duration buildTime) {

    /** The rule files it was compiled from, relative to the home. */
    public List<String> files() {
        return sources.files().stream().map(SourceFile::path).toList();
    }

    public RuleOrigin origin(String rule) {
        return origins.get(rule);
    }
}
