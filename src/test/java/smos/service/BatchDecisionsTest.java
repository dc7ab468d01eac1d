package smos.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import smos.request.Json;
import smos.testing.Services;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Items are decided in parallel chunks; the results still come out one per item, in order. */
class BatchDecisionsTest {

    @Test
    void manyChunksKeepTheOrderAndEveryItem() throws Exception {
        StringBuilder input = new StringBuilder();
        int items = 2_500;
        for (int i = 0; i < items; i++) {
            String channel = i % 97 == 0 ? "EBAY" : "DIRECT";
            input.append("{\"claim\": {\"claimId\": \"C-").append(i).append("\", \"productLine\": \"CONSUMER_ROUTER\", "
                    + "\"condition\": \"NEW\", \"channel\": \"").append(channel).append("\", \"purchaseDate\": \"2026-10-01\", "
                    + "\"claimDate\": \"2026-10-21\", \"purchasePrice\": 199.99, \"reason\": \"CHANGED_MIND\", "
                    + "\"opened\": true, \"proofOfPurchase\": true, \"registered\": false}}\n");
        }
        java.util.concurrent.ExecutorService workers = BatchDecisions.workerPool(3);
        BatchDecisions batches = new BatchDecisions(Services.shipped(), new Metrics(), workers, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        BatchDecisions.Summary summary = batches.run("returns",
                BatchItems.ndjson(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)), 1 << 20),
                BatchResults.asNdjson(out), BatchDecisions.Options.unlimited(false), BatchDecisions.Progress.NONE);
        workers.shutdown();

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(items, lines.length);
        assertEquals(items, summary.items());
        int errors = 0;
        for (int i = 0; i < items; i++) {
            JsonNode line = Json.mapper().readTree(lines[i]);
            assertEquals(i, line.path("index").asInt());
            if (i % 97 == 0) {
                errors++;
                assertEquals(400, line.at("/error/status").asInt(), lines[i]);
            } else {
                assertEquals("C-" + i, line.at("/decision/claimId").asText(), lines[i]);
            }
        }
        assertEquals(errors, summary.errors());
        assertTrue(summary.perSecond() > 0);
    }
}
