package smos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import smos.request.Json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Request files for the HTTP and batch benchmarks, drawn from the scenario files: the returns mix as
 * NDJSON (one request per line, repeated to size), and payroll-like compensation statements of 50 deals
 * each, built from the compensation scenarios' participants and periods.
 *
 * <p>Run: {@code java ... smos.bench.BenchData OUT_DIR RETURNS_ITEMS STATEMENTS}
 */
public final class BenchData {
    private static final int DEALS_PER_STATEMENT = 50;
    private static final String[] LINES = {"CONSUMER_ROUTER", "WIFI7_ROUTER", "MESH_SYSTEM", "BUSINESS_ROUTER",
            "ACCESS_POINT", "SWITCH"};

    private BenchData() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args[0]));
        int returnsItems = Integer.parseInt(args[1]);
        int statements = Integer.parseInt(args[2]);
        List<byte[]> returns = BenchRequests.json("returns");
        write(out.resolve("returns.ndjson"), returns, returnsItems);
        write(out.resolve("returns-mix.ndjson"), returns, returns.size());
        write(out.resolve("compensation-50-deals.ndjson"), compensationStatements(statements), statements);
    }

    private static void write(Path file, List<byte[]> items, int count) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                writer.write(new String(items.get(i % items.size()), StandardCharsets.UTF_8));
                writer.write('\n');
            }
        }
    }

    /** Statements of 50 deals each in the statement's period, with varied lines, sizes, margins and credit. */
    public static List<byte[]> compensationStatements(int count) {
        List<JsonNode> templates = new ArrayList<>();
        for (byte[] bytes : BenchRequests.json("compensation")) {
            try {
                templates.add(Json.mapper().readTree(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<byte[]> statements = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            ObjectNode statement = templates.get(s % templates.size()).deepCopy();
            LocalDate start = LocalDate.parse(statement.at("/period/start").asText());
            LocalDate end = LocalDate.parse(statement.at("/period/end").asText());
            long days = end.toEpochDay() - start.toEpochDay() + 1;
            ArrayNode deals = statement.putArray("deals");
            for (int d = 0; d < DEALS_PER_STATEMENT; d++) {
                int seed = s * DEALS_PER_STATEMENT + d;
                BigDecimal revenue = BigDecimal.valueOf(5_000 + (seed * 7_919L) % 95_000);
                BigDecimal margin = new BigDecimal("0.20").add(BigDecimal.valueOf(seed % 25, 2));
                ObjectNode deal = deals.addObject();
                deal.put("dealId", "D-" + s + "-" + d);
                deal.put("closeDate", start.plusDays(seed % days).toString());
                deal.put("productLine", LINES[seed % LINES.length]);
                deal.put("revenue", revenue);
                deal.put("cost", revenue.subtract(revenue.multiply(margin)).setScale(2, java.math.RoundingMode.HALF_UP));
                deal.put("creditPercent", seed % 4 == 0 ? 50 : 100);
            }
            try {
                statements.add(Json.mapper().writeValueAsBytes(statement));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return statements;
    }
}
