package smos.caseescalation;

import smos.request.Describe;
import smos.request.CrossFieldCheck;
import smos.request.NonNegative;
import smos.request.Optional;

import java.time.OffsetDateTime;

/**
 * A customer service case as the support desk posts it (docs/domains/case-escalation.md). Time comes from
 * {@code now}, never from the clock, so a decision can be replayed; {@code firstResponseAt} is absent
 * or null while the case is unanswered.
 */
public record SupportCase(
        String caseId,
        Priority priority,
        Boolean strategicAccount,
        Boolean executiveComplaint,
        @NonNegative Integer contactsLast14Days,
        OffsetDateTime openedAt,
        @Describe("absent or null while the case is unanswered") @Optional OffsetDateTime firstResponseAt,
        @Describe("the time the decision is made for; the service never reads its clock, so a decision can be replayed")
        OffsetDateTime now) implements CrossFieldCheck {

    @Override
    public void check(Violations violations) {
        if (now.isBefore(openedAt)) {
            violations.add("now", "must not be before openedAt (" + openedAt + ")");
        }
        if (firstResponseAt != null && firstResponseAt.isBefore(openedAt)) {
            violations.add("firstResponseAt", "must not be before openedAt (" + openedAt + ")");
        }
    }
}
