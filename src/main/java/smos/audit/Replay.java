package smos.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import smos.engine.CompiledRuleSet;
import smos.failure.ConflictException;
import smos.failure.NotFoundException;
import smos.request.Json;
import smos.service.DecisionResponse;
import smos.service.DecisionService;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Exact replay: the stored request decided again by the version that decided it (from the rule store's
 * history), compared field by field with the stored decision. A version no longer in history is a
 * conflict, never a guess with another version.
 */
public final class Replay {

    /** Finds the compiled rules of a version: the active one, or one rebuilt from history. */
    public interface Versions {
        /** Empty when the domain's history no longer holds the version. */
        java.util.Optional<CompiledRuleSet> compiled(String domain, String version);
    }

    public record Difference(String field, JsonNode recorded, JsonNode replayed) {
    }

    public record Result(String decisionId, String domain, String rulesetVersion, boolean identical,
                        List<Difference> differences, JsonNode recorded, JsonNode replayed) {
    }

    private final AuditLog log;
    private final DecisionService service;
    private final Versions versions;

    public Replay(AuditLog log, DecisionService service, Versions versions) {
        this.log = log;
        this.service = service;
        this.versions = versions;
    }

    public Result replay(String decisionId) {
        AuditRecord record = log.find(decisionId)
                .orElseThrow(() -> new NotFoundException("the decision log holds no decision " + decisionId));
        if (record.refused()) {
            throw new ConflictException("decision " + decisionId + " was refused (" + record.status()
                    + "): only the first 4 KB of a refused request is kept, so there is nothing to replay");
        }
        CompiledRuleSet ruleSet = versions.compiled(record.domain(), record.rulesetVersion())
                .orElseThrow(() -> new ConflictException("version " + record.rulesetVersion() + " of "
                        + record.domain() + " that made decision " + decisionId
                        + " is no longer in the rule history, so it cannot be replayed exactly"));
        DecisionResponse replayed = service.decideWith(ruleSet, record.request().getBytes(StandardCharsets.UTF_8));
        JsonNode before = tree(record.decision());
        JsonNode after = Json.mapper().valueToTree(replayed.decision());
        List<Difference> differences = DecisionDiff.between(before, after).stream()
                .map(d -> new Difference(d.field(), d.before(), d.after())).toList();
        return new Result(decisionId, record.domain(), record.rulesetVersion(), differences.isEmpty(), differences,
                before, after);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored decision is not JSON", e);
        }
    }
}
