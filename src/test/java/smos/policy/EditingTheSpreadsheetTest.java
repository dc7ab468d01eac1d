package smos.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.returns.ReturnDecision;
import smos.service.DecisionResponse;
import smos.service.DecisionService;
import smos.testing.Services;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A business user changes the restocking fee rate in the spreadsheet; after a restart the decision follows. */
class EditingTheSpreadsheetTest {
    private static final String CLAIM = """
            {"claim": {"claimId": "C-1", "productLine": "CONSUMER_ROUTER", "condition": "NEW", "channel": "DIRECT",
                       "purchaseDate": "2026-10-01", "claimDate": "2026-10-21", "purchasePrice": 199.99,
                       "reason": "CHANGED_MIND", "opened": true, "proofOfPurchase": true, "registered": false}}
            """;

    @TempDir
    Path home;

    @Test
    void changingTheFeeRateCellChangesTheRefundAfterARestart() {
        TestHomes.copyOfShipped(home);
        DecisionResponse before = Services.load(home).decide("returns", CLAIM.getBytes());
        assertEquals(new BigDecimal("30.00"), ((ReturnDecision) before.decision()).restockingFee());

        Path xlsx = home.resolve("decision-tables/returns/returns-policy.xlsx");
        String cell = Workbooks.cellOf(xlsx, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
        Workbooks.set(xlsx, "Outcome", cell, 0.2);
        DecisionService restarted = Services.load(home);
        DecisionResponse after = restarted.decide("returns", CLAIM.getBytes());

        ReturnDecision decision = (ReturnDecision) after.decision();
        assertEquals(new BigDecimal("40.00"), decision.restockingFee());     // 199.99 x 0.20 = 39.998
        assertEquals(new BigDecimal("159.99"), decision.refundAmount());
        assertNotEquals(before.rulesetVersion(), after.rulesetVersion());
    }
}
