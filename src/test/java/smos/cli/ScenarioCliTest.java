package smos.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import smos.testing.CapturedOutput;
import smos.testing.TestHomes;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What testers get from {@code smos test} and {@code smos decide}: JUnit XML for CI, failures with
 * the scenario's file and line, a broken scenario reported without stopping its file, the input's
 * line of a bad request, mutation of chosen scenario files. Through the real command line.
 */
class ScenarioCliTest {
    /** The README's scenario, worked out from the returns policy: opened, day 20, refunded less 15%. */
    private static final String GOOD = """
              - name: opened router returned on day 20 is refunded less a 15% restocking fee
                given:
                  claim: {claimId: C-1, productLine: CONSUMER_ROUTER, condition: NEW, channel: DIRECT,
                          purchaseDate: 2026-10-01, claimDate: 2026-10-21, purchasePrice: 199.99,
                          reason: CHANGED_MIND, opened: true, proofOfPurchase: true, registered: false}
                expect:
                  outcome: REFUND
                  restockingFee: 30.00
                  refundAmount: 169.99
            """;

    @TempDir
    Path home;

    @RegisterExtension
    final CapturedOutput console = new CapturedOutput();

    @BeforeEach
    void copyTheShippedHome() {
        TestHomes.copyOfShipped(home);
    }

    private String text() {
        return console.out.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String yaml) throws Exception {
        Path file = home.resolve("ci").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void junitXmlReportsOneSuitePerFileWhoseCountsMatchTheTextSummary() throws Exception {
        // a copy of a shipped file with one expectation made wrong: DENY is what the policy says, WRONG is not
        String damage = Files.readString(home.resolve("scenarios/returns/damage.yaml"));
        int firstOutcome = damage.indexOf("outcome: DENY");
        write("damage-wrong.yaml", damage.substring(0, firstOutcome) + "outcome: WRONG"
                + damage.substring(firstOutcome + "outcome: DENY".length()));
        // and a file with a scenario that cannot run: given is not a mapping
        write("broken.yaml", "domain: returns\nscenarios:\n" + GOOD + "  - name: given as text\n    given: a claim\n"
                + "    expect: {outcome: REFUND}\n");
        Path reports = home.resolve("reports");

        int code = Main.run("test", "--junit-xml", reports.toString(), "--home", home.toString(),
                home.resolve("scenarios/returns").toString(), home.resolve("ci").toString());

        assertEquals(1, code, this::text);
        Matcher summary = Pattern.compile("(\\d+) passed, (\\d+) failed\\s*$").matcher(text());
        assertTrue(summary.find(), this::text);
        int passed = Integer.parseInt(summary.group(1));
        int failed = Integer.parseInt(summary.group(2));
        assertEquals(2, failed, this::text);

        int tests = 0;
        int failures = 0;
        int errors = 0;
        List<Path> files;
        try (Stream<Path> list = Files.list(reports)) {
            files = list.sorted().toList();
        }
        long shippedFiles;
        try (Stream<Path> list = Files.list(home.resolve("scenarios/returns"))) {
            shippedFiles = list.count();
        }
        assertEquals(shippedFiles + 2, files.size(), files::toString);
        for (Path file : files) {
            assertTrue(file.getFileName().toString().matches("TEST-returns\\.[a-z-]+\\.xml"), file::toString);
            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                    .getDocumentElement();
            assertEquals("testsuite", suite.getTagName());
            NodeList cases = suite.getElementsByTagName("testcase");
            int suiteTests = Integer.parseInt(suite.getAttribute("tests"));
            assertEquals(cases.getLength(), suiteTests, file::toString);
            assertEquals(suite.getElementsByTagName("failure").getLength(), Integer.parseInt(suite.getAttribute("failures")));
            assertEquals(suite.getElementsByTagName("error").getLength(), Integer.parseInt(suite.getAttribute("errors")));
            assertEquals("0", suite.getAttribute("skipped"));
            String suiteName = file.getFileName().toString().replaceAll("^TEST-|\\.xml$", "");
            assertEquals(suiteName, suite.getAttribute("name"));
            for (int i = 0; i < cases.getLength(); i++) {
                Element testcase = (Element) cases.item(i);
                assertEquals(suiteName, testcase.getAttribute("classname"));
                assertTrue(!testcase.getAttribute("name").isBlank());
                assertTrue(testcase.getAttribute("time").matches("\\d+\\.\\d{3}"), testcase::toString);
            }
            tests += suiteTests;
            failures += Integer.parseInt(suite.getAttribute("failures"));
            errors += Integer.parseInt(suite.getAttribute("errors"));
        }
        assertEquals(passed + failed, tests);
        assertEquals(failed, failures + errors);
        assertEquals(1, failures);
        assertEquals(1, errors);

        Document wrong = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve("TEST-returns.damage-wrong.xml").toFile());
        Element failure = (Element) wrong.getElementsByTagName("failure").item(0);
        assertEquals("outcome: expected \"WRONG\", actual \"DENY\"", failure.getAttribute("message"));
        assertEquals("a dropped router is denied even on day 1, bought direct, with a receipt",
                ((Element) failure.getParentNode()).getAttribute("name"));
        assertTrue(failure.getTextContent().startsWith("ci/damage-wrong.yaml:4\n"), failure::getTextContent);
        Document broken = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve("TEST-returns.broken.xml").toFile());
        Element error = (Element) broken.getElementsByTagName("error").item(0);
        assertEquals("given as text", ((Element) error.getParentNode()).getAttribute("name"));
        assertTrue(error.getAttribute("message").contains("needs 'given'"), error::toString);
    }

    @Test
    void aMalformedScenarioIsReportedAtItsLineAndTheFileSOtherScenariosRun() throws Exception {
        // line 1 domain, 2 scenarios:, 3-11 the good scenario, 12 the one with an unknown key, 17 the good one again,
        // 26 one whose YAML does not parse (an unclosed flow list), 30 the good one a third time
        String second = GOOD.replace("claimId: C-1", "claimId: C-2");
        String yaml = "domain: returns\nscenarios:\n" + GOOD
                + "  - name: an expectation under a misspelt key\n    given: {claim: {}}\n    expect: {}\n"
                + "    expected: {outcome: REFUND}\n    # nothing else\n"
                + second
                + "  - name: broken flow list\n    given: {claim: [}\n    expect: {outcome: REFUND}\n    # end\n"
                + GOOD.replace("claimId: C-1", "claimId: C-3");
        Path file = write("mixed.yaml", yaml);
        List<String> lines = yaml.lines().toList();
        assertTrue(lines.get(11).contains("misspelt") && lines.get(16).contains("opened router")
                && lines.get(25).contains("broken flow") && lines.get(29).contains("opened router"), yaml);

        int code = Main.run("test", "--home", home.toString(), file.toString());

        assertEquals(1, code, this::text);
        assertTrue(text().contains("ERROR ci/mixed.yaml:12 :: an expectation under a misspelt key"), this::text);
        assertTrue(text().contains("unknown key 'expected'"), this::text);
        assertTrue(text().contains("ERROR ci/mixed.yaml:26 :: broken flow list"), this::text);
        assertTrue(text().contains("not valid YAML"), this::text);
        assertTrue(text().strip().endsWith("3 passed, 2 failed"), this::text);
    }

    @Test
    void aFailureNamesTheScenarioSFileAndLine() throws Exception {
        Path file = write("one.yaml", "# a comment first\ndomain: returns\nscenarios:\n"
                + GOOD.replace("outcome: REFUND", "outcome: REPLACE"));

        assertEquals(1, Main.run("test", "--home", home.toString(), file.toString()));

        assertTrue(text().contains("FAIL ci/one.yaml:4 :: opened router returned on day 20"), this::text);
        assertTrue(text().contains("outcome: expected \"REPLACE\", actual \"REFUND\""), this::text);
    }

    @Test
    void decideReportsTheInputLineOfABadRequest() throws Exception {
        String good = GOOD.lines().filter(l -> l.contains("claim:") || l.contains("purchaseDate") || l.contains("reason"))
                .map(String::strip).reduce("", (a, b) -> a + " " + b);
        String claim = "{\"claim\": {\"claimId\": \"C-1\", \"productLine\": \"CONSUMER_ROUTER\", \"condition\": \"NEW\","
                + " \"channel\": \"DIRECT\", \"purchaseDate\": \"2026-10-01\", \"claimDate\": \"2026-10-21\","
                + " \"purchasePrice\": 199.99, \"reason\": \"CHANGED_MIND\", \"opened\": true, \"proofOfPurchase\": true,"
                + " \"registered\": false}}";
        assertTrue(!good.isEmpty());
        // NDJSON: line 1 good, 2 blank, 3 good, 4 a bad channel
        Path ndjson = home.resolve("claims.ndjson");
        Files.writeString(ndjson, claim + "\n\n" + claim + "\n" + claim.replace("DIRECT", "PHONE") + "\n");

        assertEquals(1, Main.run("decide", "--home", home.toString(), "returns", ndjson.toString()));
        String errors = console.err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("item 2 (line 4): Invalid request; claim.channel"), errors);

        // documents: pretty-printed, the second starts on line 4 and breaks on line 5
        console.err.reset();
        Path documents = home.resolve("claims.json");
        Files.writeString(documents, "{\n \"claim\": " + claim.substring(10, claim.length() - 1) + "\n}\n{\n \"claim\": [}\n}\n");
        assertEquals(1, Main.run("decide", "--home", home.toString(), "returns", documents.toString()));
        errors = console.err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("item 1 (line 5): Invalid request; $: malformed JSON at line 5"), errors);
    }

    @Test
    void mutateTakesAScenarioFileAndRunsItsDomainAgainstJustThoseScenarios() {
        Path file = home.resolve("scenarios/performance-review/boundaries.yaml");

        int code = Main.run("test", "--home", home.toString(), "--mutate", file.toString());

        assertEquals(0, code, this::text);
        // the whole suite kills 38 of the domain's 40 mutants (CliTest); one file of it cannot kill more
        Matcher summary = Pattern.compile("performance-review: 40 mutants, (\\d+) killed by scenarios").matcher(text());
        assertTrue(summary.find(), this::text);
        assertTrue(Integer.parseInt(summary.group(1)) <= 38, this::text);
        assertTrue(console.err.toString(StandardCharsets.UTF_8).contains("performance-review 40/40"), console.err::toString);
    }

    @Test
    void mutateRefusesATargetThatIsNeitherADomainNorAPath() {
        assertEquals(2, Main.run("test", "--home", home.toString(), "--mutate", "no-such-thing"));
        assertTrue(console.err.toString(StandardCharsets.UTF_8).contains("neither a domain nor a scenario file"), console.err::toString);
    }

    @Test
    void serveHelpStatesTheHomeTheSmosScriptUses() {
        assertEquals(0, Main.run("serve", "--help"));
        String help = text().replaceAll("\\s+", " ");
        assertTrue(help.contains("default: $SMOS_HOME, else the current folder; the ./smos script sets SMOS_HOME to its"
                + " own checkout"), help);
    }
}
