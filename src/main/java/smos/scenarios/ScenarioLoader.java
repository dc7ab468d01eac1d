package smos.scenarios;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads scenario files (README, "Scenarios") and checks their shape, naming file and scenario. */
public final class ScenarioLoader {
    public static final String SCENARIOS_DIR = smos.engine.DomainLayout.SCENARIOS_DIR;
    private static final Set<String> FILE_FIELDS = Set.of("domain", "scenarios");
    private static final Set<String> SCENARIO_FIELDS = Set.of("name", "given", "expect", "expectRules", "expectError");
    /** Numbers stay exactly as written ({@code 30.00}), so failures quote the expectation verbatim. */
    static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private ScenarioLoader() {
    }

    /** Every {@code .yaml}/{@code .yml} file under {@code paths} (files or folders), sorted. */
    public static List<Path> find(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(ScenarioLoader::isScenarioFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new ScenarioFileException(path.toString(), "no such file or folder");
            }
        }
        return files;
    }

    /** The first decided scenario's request of each domain under {@code home}: requests known to work. */
    public static Map<String, JsonNode> examples(Path home) {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        for (Path file : find(List.of(home.resolve(SCENARIOS_DIR)))) {
            ScenarioFile scenarios = load(file, home.relativize(file).toString());
            scenarios.scenarios().stream().filter(s -> !s.refused()).findFirst()
                    .ifPresent(s -> examples.putIfAbsent(scenarios.domain(), s.given()));
        }
        return examples;
    }

    static boolean isScenarioFile(Path path) {
        String name = path.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
    }

    public static ScenarioFile load(Path file, String displayPath) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ScenarioFileException(displayPath, "cannot be read: " + e.getMessage());
        }
        return load(bytes, displayPath);
    }

    /**
     * A scenario file from its bytes (from disk, or a domain bundle holds them); {@code displayPath}
     * names it in every failure. YAML broken inside one scenario leaves the others readable.
     */
    public static ScenarioFile load(byte[] bytes, String displayPath) {
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            // one broken scenario must not hide the others: read the list item by item
            return ScenarioItems.readApart(new String(bytes, StandardCharsets.UTF_8), displayPath, e);
        } catch (IOException e) {
            throw new ScenarioFileException(displayPath, "cannot be read: " + e.getMessage());
        }
        List<Integer> lines = itemLines(bytes);
        return fromTree(root, displayPath, i -> i < lines.size() ? lines.get(i) : 0, Map.of());
    }

    /**
     * A scenario file that must be valid YAML as a whole (one posted over HTTP: its sender fixes it and
     * posts again); scenarios not in the format are still reported one by one.
     */
    public static ScenarioFile parseStrictly(byte[] bytes, String displayPath) {
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioFileException(displayPath, line, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioFileException(displayPath, "cannot be read: " + e.getMessage());
        }
        List<Integer> lines = itemLines(bytes);
        return fromTree(root, displayPath, i -> i < lines.size() ? lines.get(i) : 0, Map.of());
    }

    /** The file's domain and scenarios from its tree; {@code lineOf} gives the line of the n-th scenario. */
    static ScenarioFile fromTree(JsonNode root, String displayPath, java.util.function.IntUnaryOperator lineOf,
                                 Map<Integer, UnreadableScenario> notYaml) {
        if (root == null || !root.isObject()) {
            throw new ScenarioFileException(displayPath, "must be a mapping with 'domain' and 'scenarios'");
        }
        unknownFields(displayPath, "", root, FILE_FIELDS);
        JsonNode domain = root.get("domain");
        if (domain == null || !domain.isTextual() || domain.asText().isBlank()) {
            throw new ScenarioFileException(displayPath, "needs 'domain: <domain id>'");
        }
        JsonNode list = root.get("scenarios");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ScenarioFileException(displayPath, "needs a non-empty 'scenarios' list");
        }
        List<Scenario> scenarios = new ArrayList<>();
        List<UnreadableScenario> unreadable = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            int line = lineOf.applyAsInt(i);
            if (notYaml.containsKey(i)) {
                unreadable.add(notYaml.get(i));
                continue;
            }
            try {
                scenarios.add(scenario(displayPath, i, line, list.get(i)));
            } catch (ScenarioFileException e) {
                unreadable.add(new UnreadableScenario(nameOf(list.get(i), i), line, e.problem()));
            }
        }
        return new ScenarioFile(displayPath, domain.asText(), List.copyOf(scenarios), List.copyOf(unreadable));
    }

    /** The scenario's name when it has one, else its place in the list. */
    static String nameOf(JsonNode node, int index) {
        JsonNode name = node == null ? null : node.get("name");
        return name != null && name.isTextual() && !name.asText().isBlank() ? name.asText() : "scenario " + (index + 1);
    }

    /** The line of each item of the top-level {@code scenarios} list, read from the parser's locations. */
    private static List<Integer> itemLines(byte[] bytes) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return lines;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("scenarios".equals(field) && value == JsonToken.START_ARRAY) {
                    for (JsonToken item = parser.nextToken(); item != null && item != JsonToken.END_ARRAY;
                         item = parser.nextToken()) {
                        lines.add(parser.currentTokenLocation().getLineNr());
                        parser.skipChildren();
                    }
                    return lines;
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            return lines;
        }
        return lines;
    }

    private static Scenario scenario(String file, int index, int line, JsonNode node) {
        String where = "scenario " + (index + 1);
        if (node == null || !node.isObject()) {
            throw new ScenarioFileException(file, line, where + " must be a mapping with name, given and expect");
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new ScenarioFileException(file, line, where + " needs a 'name'");
        }
        where = "scenario '" + name.asText() + "'";
        unknownFields(file, line, where + ": ", node, SCENARIO_FIELDS);
        JsonNode given = node.get("given");
        if (given == null || !given.isObject()) {
            throw new ScenarioFileException(file, line, where + " needs 'given', the request as a mapping");
        }
        JsonNode expect = node.get("expect");
        if (node.has("expectError")) {
            if (expect != null || node.has("expectRules")) {
                throw new ScenarioFileException(file, line, where + ": 'expectError' (the request is refused) goes"
                        + " without 'expect' and 'expectRules' (no decision is made)");
            }
            return new Scenario(name.asText(), line, given, null, List.of(),
                    expectedError(file, line, where, node.get("expectError")));
        }
        if (expect == null || !expect.isObject()) {
            throw new ScenarioFileException(file, line, where + " needs 'expect', the expected decision fields"
                    + " (or 'expectError: {status, field}' for a request that must be refused)");
        }
        List<String> rules = new ArrayList<>();
        JsonNode expectRules = node.get("expectRules");
        if (expectRules != null && !expectRules.isNull()) {
            if (!expectRules.isArray()) {
                throw new ScenarioFileException(file, line, where + ": 'expectRules' must be a list of rule names");
            }
            expectRules.forEach(r -> rules.add(r.asText()));
        }
        return new Scenario(name.asText(), line, (ObjectNode) given, expect, List.copyOf(rules));
    }

    /** {@code expectError: {status: 400, field: reps[2].region}}. */
    private static ExpectedError expectedError(String file, int line, String where, JsonNode node) {
        String shape = where + ": 'expectError' must be a mapping {status: 400, field: <JSON path of the field>}";
        if (node == null || !node.isObject()) {
            throw new ScenarioFileException(file, line, shape);
        }
        unknownFields(file, line, where + ": expectError: ", node, Set.of("status", "field"));
        JsonNode status = node.get("status");
        JsonNode field = node.get("field");
        if (status == null || !status.canConvertToInt() || status.asInt() < 400 || status.asInt() > 499) {
            throw new ScenarioFileException(file, line, shape + "; status is a 4xx code");
        }
        if (field == null || !field.isTextual() || field.asText().isBlank()) {
            throw new ScenarioFileException(file, line, shape + "; field is required");
        }
        return new ExpectedError(status.asInt(), field.asText());
    }

    private static void unknownFields(String file, String where, JsonNode node, Set<String> known) {
        unknownFields(file, 0, where, node, known);
    }

    private static void unknownFields(String file, int line, String where, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!known.contains(field)) {
                throw new ScenarioFileException(file, line, where + "unknown key '" + field + "'; expected "
                        + new java.util.TreeSet<>(known));
            }
        }
    }
}
