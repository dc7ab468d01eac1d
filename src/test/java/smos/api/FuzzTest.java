package smos.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import smos.request.Json;
import smos.scenarios.ScenarioLoader;
import smos.service.Metrics;
import smos.testing.HttpHarness;
import smos.testing.Services;
import smos.testing.TestHomes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated bodies against every domain through a real server: each domain's example request
 * mutated in its structure (wrong types at every level, fields removed and added, duplicate keys,
 * huge lists, deep nesting, number extremes, long and odd strings, invalid UTF-8) and in its framing
 * (truncated, trailing garbage, two documents, empty, BOM). No answer may be a 500 (nor any 5xx);
 * every 4xx is problem+json whose errors each name a field, or, for a size or media-type refusal, a
 * problem with a detail. Seeded: {@code -Dsmos.fuzz.seed=N} repeats a run; the seed is printed, and
 * so is every failing body.
 */
class FuzzTest {
    private static final int BODIES_PER_DOMAIN = 1_000;
    private static final int CLIENTS = 4;

    private record Body(String domain, String kind, byte[] bytes) {
        String shown() {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return domain + " / " + kind + " (" + bytes.length + " bytes): "
                    + (text.length() > 400 ? text.substring(0, 400) + "..." : text);
        }
    }

    @Test
    void noGeneratedBodyGetsA500AndEveryRefusalNamesItsField() throws Exception {
        long seed = Long.getLong("smos.fuzz.seed", System.nanoTime());
        System.out.println("FuzzTest seed: " + seed + " (repeat with -Dsmos.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        Map<String, JsonNode> examples = ScenarioLoader.examples(TestHomes.REPO);
        List<Body> bodies = new ArrayList<>();
        for (Map.Entry<String, JsonNode> example : examples.entrySet()) {
            for (int i = 0; i < BODIES_PER_DOMAIN; i++) {
                bodies.add(mutate(example.getKey(), example.getValue(), random));
            }
        }
        assertTrue(bodies.size() >= 10_000, "only " + bodies.size() + " bodies");
        assertTrue(examples.size() >= 10, "examples of only " + examples.keySet());

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger[] byStatus = new AtomicInteger[600];
        for (int i = 0; i < byStatus.length; i++) {
            byStatus[i] = new AtomicInteger();
        }
        try (HttpHarness http = new HttpHarness(Services.shipped(), ApiSettings.defaults(), new Metrics())) {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (Body body : bodies) {
                clients.execute(() -> {
                    HttpHarness.Reply reply = http.post("/api/v1/decisions/" + body.domain(), "application/json",
                            HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
                    byStatus[Math.min(599, Math.max(0, reply.status()))].incrementAndGet();
                    String problem = check(reply);
                    if (problem != null) {
                        failures.add(problem + "\n    body: " + body.shown() + "\n    answer: " + abbreviated(reply.toString()));
                    }
                });
            }
            clients.shutdown();
            assertTrue(clients.awaitTermination(10, TimeUnit.MINUTES), "the bodies were not all sent in time");
        }
        StringBuilder statuses = new StringBuilder();
        for (int status = 0; status < byStatus.length; status++) {
            if (byStatus[status].get() > 0) {
                statuses.append(' ').append(status).append(": ").append(byStatus[status].get());
            }
        }
        System.out.println("FuzzTest: " + bodies.size() + " bodies, answers by status:" + statuses);
        List<String> shown = new ArrayList<>(failures);
        assertTrue(shown.isEmpty(), shown.size() + " of " + bodies.size() + " answers were wrong (seed " + seed + "):\n"
                + String.join("\n", shown.subList(0, Math.min(20, shown.size()))));
    }

    private static String abbreviated(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }

    /** Null when the answer keeps the contract; what is wrong otherwise. */
    private static String check(HttpHarness.Reply reply) {
        int status = reply.status();
        if (status >= 500) {
            return "status " + status;
        }
        if (status < 400) {
            return status == 200 ? null : "status " + status;
        }
        if (!reply.contentType().startsWith("application/problem+json")) {
            return "a " + status + " that is not problem+json";
        }
        JsonNode problem;
        try {
            problem = reply.json();
        } catch (AssertionError e) {
            return "a problem that is not JSON";
        }
        if (problem.path("status").asInt() != status) {
            return "a problem whose status is not the answer's";
        }
        if (status == 413 || status == 415) {
            return problem.path("detail").asText().isBlank() ? "a " + status + " without a detail" : null;
        }
        JsonNode errors = problem.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return "a " + status + " without errors";
        }
        for (JsonNode error : errors) {
            if (error.path("field").asText().isBlank() || error.path("message").asText().isBlank()) {
                return "an error without its field or message: " + error;
            }
        }
        return null;
    }

    // ---- generation

    private static final String[] NUMBER_EXTREMES = {"1e999999", "-1e999999", "-0", "-0.0", "1e-400", "1E+400",
            "1234567890123456789012345678901234567890", "-1234567890123456789012345678901234567890",
            "0.0000000000000000000000000000000000000001", "9223372036854775808", "-9223372036854775809",
            "2147483648", "1.7976931348623157e309", "4.9e-325", "00012", "1.", ".5", "+1", "0x10", "1e", "--1"};
    private static final String[] BAD_TOKENS = {"NaN", "Infinity", "-Infinity", "undefined", "'single'", "tru", "nul",
            "True", "FALSE", "None", "/* c */ 1", "[1,]", "{\"a\":1,}", "\"\\x41\"", "\"\\u12\"", "\"\\ud800\"",
            "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\t\"", "\"a\nb\""};
    private static final byte[][] BAD_UTF8 = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};

    private static Body mutate(String domain, JsonNode example, Random random) throws IOException {
        int kind = random.nextInt(16);
        JsonNode tree = example.deepCopy();
        return switch (kind) {
            case 0 -> body(domain, "wrong type", replaceRandom(tree, random, wrongValue(random)));
            case 1 -> body(domain, "field removed", removeRandomField(tree, random));
            case 2 -> body(domain, "unknown field", addField(tree, random, "unexpected" + random.nextInt(9), wrongValue(random)));
            case 3 -> body(domain, "duplicate key", duplicateKey(tree, random));
            case 4 -> body(domain, "huge list", replaceRandom(tree, random, hugeList(tree, random)));
            case 5 -> body(domain, "deep nesting", placeholder(tree, random, nested(40 + random.nextInt(200), random)));
            case 6 -> body(domain, "number extreme", placeholder(tree, random, NUMBER_EXTREMES[random.nextInt(NUMBER_EXTREMES.length)]));
            case 7 -> body(domain, "bad token", placeholder(tree, random, BAD_TOKENS[random.nextInt(BAD_TOKENS.length)]));
            case 8 -> new Body(domain, "invalid UTF-8", invalidUtf8(tree, random));
            case 9 -> body(domain, "long or odd string", replaceRandom(tree, random, JsonNodeFactory.instance.textNode(oddString(random))));
            case 10 -> truncated(domain, tree, random);
            case 11 -> new Body(domain, "trailing garbage", concat(Json.mapper().writeValueAsBytes(tree),
                    List.of(" x", "}", "]", "\u0000", ",{}", " null").get(random.nextInt(6)).getBytes(StandardCharsets.UTF_8)));
            case 12 -> new Body(domain, "two documents", concat(Json.mapper().writeValueAsBytes(tree), Json.mapper().writeValueAsBytes(tree)));
            case 13 -> new Body(domain, "empty or blank", List.of("", " ", "\n\n", "null", "[]", "{}", "\"text\"", "42", "true")
                    .get(random.nextInt(9)).getBytes(StandardCharsets.UTF_8));
            case 14 -> new Body(domain, "BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Json.mapper().writeValueAsBytes(
                    random.nextBoolean() ? tree : replaceRandom(tree, random, wrongValue(random)))));
            default -> body(domain, "several mutations", replaceRandom(removeRandomField(replaceRandom(tree, random,
                    wrongValue(random)), random), random, wrongValue(random)));
        };
    }

    private static Body body(String domain, String kind, JsonNode tree) throws IOException {
        return new Body(domain, kind, Json.mapper().writeValueAsBytes(tree));
    }

    private static Body body(String domain, String kind, String text) {
        return new Body(domain, kind, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** Every node of the tree with its parent: (parent, field name or index). */
    private record Slot(JsonNode parent, String field, int index) {
    }

    private static List<Slot> slots(JsonNode node) {
        List<Slot> slots = new ArrayList<>();
        collect(node, slots);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                slots.add(new Slot(node, name, -1));
                collect(node.get(name), slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i));
                collect(node.get(i), slots);
            }
        }
    }

    private static JsonNode replaceRandom(JsonNode tree, Random random, JsonNode value) {
        List<Slot> slots = slots(tree);
        if (slots.isEmpty() || random.nextInt(20) == 0) {
            return value;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        if (slot.field() != null) {
            ((ObjectNode) slot.parent()).set(slot.field(), value);
        } else {
            ((ArrayNode) slot.parent()).set(slot.index(), value);
        }
        return tree;
    }

    private static JsonNode removeRandomField(JsonNode tree, Random random) {
        List<Slot> fields = slots(tree).stream().filter(s -> s.field() != null).toList();
        if (!fields.isEmpty()) {
            Slot slot = fields.get(random.nextInt(fields.size()));
            ((ObjectNode) slot.parent()).remove(slot.field());
        }
        return tree;
    }

    private static JsonNode addField(JsonNode tree, Random random, String name, JsonNode value) {
        List<JsonNode> objects = new ArrayList<>();
        if (tree.isObject()) {
            objects.add(tree);
        }
        slots(tree).forEach(s -> {
            JsonNode child = s.field() != null ? s.parent().get(s.field()) : s.parent().get(s.index());
            if (child.isObject()) {
                objects.add(child);
            }
        });
        if (!objects.isEmpty()) {
            ((ObjectNode) objects.get(random.nextInt(objects.size()))).set(name, value);
        }
        return tree;
    }

    private static JsonNode wrongValue(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> f.nullNode();
            case 1 -> f.textNode(random.nextBoolean() ? "" : "not-" + random.nextInt(100));
            case 2 -> f.numberNode(random.nextInt(2001) - 1000);
            case 3 -> f.numberNode(new java.math.BigDecimal(random.nextDouble() * 1e6 - 5e5).setScale(3, java.math.RoundingMode.HALF_UP));
            case 4 -> f.booleanNode(random.nextBoolean());
            case 5 -> f.arrayNode().add(1).add("two");
            case 6 -> f.objectNode().put("x", 1);
            case 7 -> f.textNode("2026-02-30");
            default -> f.arrayNode();
        };
    }

    /** A list of many copies of an element of the tree (or of a small object), 1,001 to 2,000 long. */
    private static JsonNode hugeList(JsonNode tree, Random random) {
        List<JsonNode> lists = new ArrayList<>();
        slots(tree).forEach(s -> {
            JsonNode child = s.field() != null ? s.parent().get(s.field()) : s.parent().get(s.index());
            if (child.isArray() && !child.isEmpty()) {
                lists.add(child);
            }
        });
        JsonNode element = lists.isEmpty() ? JsonNodeFactory.instance.objectNode().put("x", 1)
                : lists.get(random.nextInt(lists.size())).get(0);
        ArrayNode huge = JsonNodeFactory.instance.arrayNode();
        int size = 1_001 + random.nextInt(1_000);
        for (int i = 0; i < size; i++) {
            huge.add(element.deepCopy());
        }
        return huge;
    }

    private static String nested(int depth, Random random) {
        boolean objects = random.nextBoolean();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            s.append(objects ? "{\"a\":" : "[");
        }
        s.append('1');
        for (int i = 0; i < depth; i++) {
            s.append(objects ? '}' : ']');
        }
        return s.toString();
    }

    private static final String MARK = "\"__fuzz_mark__\"";

    /** The tree's text with a random node replaced by {@code raw} JSON text, valid or not. */
    private static String placeholder(JsonNode tree, Random random, String raw) throws IOException {
        JsonNode marked = replaceRandom(tree, random, JsonNodeFactory.instance.textNode("__fuzz_mark__"));
        return Json.mapper().writeValueAsString(marked).replace(MARK, raw);
    }

    private static String duplicateKey(JsonNode tree, Random random) throws IOException {
        List<Slot> fields = slots(tree).stream().filter(s -> s.field() != null).toList();
        if (fields.isEmpty()) {
            return "{\"a\": 1, \"a\": 2}";
        }
        Slot slot = fields.get(random.nextInt(fields.size()));
        ((ObjectNode) slot.parent()).set("__fuzz_dup__", slot.parent().get(slot.field()).deepCopy());
        return Json.mapper().writeValueAsString(tree).replace("\"__fuzz_dup__\"", "\"" + slot.field() + "\"");
    }

    private static byte[] invalidUtf8(JsonNode tree, Random random) throws IOException {
        String text = placeholder(tree, random, "\"X-__fuzz_bytes__-1\"");
        int at = text.indexOf("__fuzz_bytes__");
        byte[] head = text.substring(0, Math.max(0, at)).getBytes(StandardCharsets.UTF_8);
        byte[] tail = at < 0 ? new byte[0] : text.substring(at + "__fuzz_bytes__".length()).getBytes(StandardCharsets.UTF_8);
        return concat(concat(head, BAD_UTF8[random.nextInt(BAD_UTF8.length)]), tail);
    }

    private static String oddString(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "x".repeat(100_000 + random.nextInt(900_000));
            case 1 -> "\u0000\u0001\u001f";
            case 2 -> "\uD83D\uDE00".repeat(1_000);
            case 3 -> "C-1\u202Egnp.exe";
            case 4 -> String.join("", Collections.nCopies(50, "\u0301"));
            default -> "   ";
        };
    }

    private static Body truncated(String domain, JsonNode tree, Random random) throws IOException {
        byte[] whole = Json.mapper().writeValueAsBytes(tree);
        int cut = whole.length <= 1 ? 0 : random.nextInt(whole.length - 1);
        return new Body(domain, "truncated at " + cut, java.util.Arrays.copyOf(whole, cut));
    }
}
