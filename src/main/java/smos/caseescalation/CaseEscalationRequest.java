package smos.caseescalation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/v1/decisions/case-escalation}: one support case, under the JSON name {@code case}. */
public record CaseEscalationRequest(@JsonProperty("case") SupportCase supportCase) {
}
