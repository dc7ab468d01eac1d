package smos.bench;

import org.junit.jupiter.api.Test;
import smos.returns.ReturnDecision;
import smos.returns.ReturnsRequest;
import smos.service.DecisionService;
import smos.testing.Services;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written limit of the benchmark decides every returns scenario as the rules do (prose reason aside). */
class HandWrittenReturnsTest {

    @Test
    void agreesWithTheRulesOnEveryReturnsScenario() {
        DecisionService service = Services.shipped();
        List<byte[]> requests = BenchRequests.json("returns");
        @SuppressWarnings("unchecked")
        List<ReturnsRequest> typed = (List<ReturnsRequest>) (List<?>) BenchRequests.typed(BenchRequests.domain("returns"));
        assertTrue(requests.size() >= 30, "the returns scenarios are the mix");
        for (int i = 0; i < requests.size(); i++) {
            ReturnDecision rules = (ReturnDecision) service.decide("returns", requests.get(i)).decision();
            ReturnDecision hand = HandWrittenReturns.decide(typed.get(i).claim());
            String which = new String(requests.get(i));
            assertEquals(new ReturnDecision(rules.claimId(), rules.outcome(), rules.refundAmount(), rules.restockingFee(),
                    rules.warrantyEndDate(), rules.returnDueDays(), rules.offer(), null), hand, which);
        }
    }
}
