package smos.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import smos.request.Json;

/** A record as JSON for readers: the request, decision, trace and problem as JSON, not as text. */
public final class AuditView {
    private AuditView() {
    }

    public static ObjectNode of(AuditRecord r) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("decisionId", r.decisionId());
        node.put("decidedAt", r.decidedAt().toString());
        node.put("domain", r.domain());
        node.put("rulesetVersion", r.rulesetVersion());
        node.put("caller", r.caller());
        node.put("status", r.status());
        if (r.durationMicros() == null) {
            node.putNull("durationMicros");
        } else {
            node.put("durationMicros", r.durationMicros());
        }
        node.set("request", tree(r.request()));
        node.set("decision", tree(r.decision()));
        node.set("trace", tree(r.trace()));
        node.set("problem", tree(r.problem()));
        if (r.refused()) {
            node.put("bodyPrefix", r.bodyPrefix());
            node.put("bodySha256", r.bodySha256());
        }
        return node;
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return Json.mapper().nullNode();
        }
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            // a request kept as received may not be JSON: give it back as the text it was
            return Json.mapper().getNodeFactory().textNode(json);
        }
    }
}
