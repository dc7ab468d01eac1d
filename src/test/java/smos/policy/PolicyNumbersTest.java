package smos.policy;

import org.junit.jupiter.api.Test;
import smos.testing.TestHomes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Policy numbers live in the decision tables, never in DRL or Java: any number other than 0 and 1 in
 * rules/, or in the Java of a domain package (each registered DecisionDomain's package), fails the
 * build with its file and line.
 */
class PolicyNumbersTest {
    /** A number token: not part of an identifier (Wifi7Router) and not a digit inside a longer word. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.$])\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?[dDfFlLbB]?(?![\\w.])");
    private static final Set<String> ALLOWED = Set.of("0", "1");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    private static final Pattern DESCRIBE = Pattern.compile("@Describe\\(\"(?:[^\"\\\\]|\\\\.)*\"\\)");
    private static final Pattern MAX_ITEMS = Pattern.compile("@MaxItems\\([^)]*\\)");

    static List<String> numbersIn(Path file, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = NUMBER.matcher(lines[i]);
            while (m.find()) {
                String number = m.group().replaceAll("[dDfFlLbB]$", "");
                if (!ALLOWED.contains(number)) {
                    found.add(file + ":" + (i + 1) + ": " + m.group() + "  in  " + lines[i].trim());
                }
            }
        }
        return found;
    }

    @Test
    void theDetectorFindsPolicyNumbersAndOnlyThose() {
        Path f = Path.of("sample.drl");
        assertEquals(2, numbersIn(f, "$c: Case(days > 30, rate == 0.15B)").size());
        assertEquals(1, numbersIn(f, "x = new BigDecimal(\"0.25\");").size());
        assertEquals(List.of(), numbersIn(f, "$c: Case(count >= 1, flag == 0, line == ProductLine.WIFI7_ROUTER)"));
        assertEquals(List.of(), numbersIn(f, "$item: Row(field$2 == 0)"));
        Path java = Path.of("Sample.java");
        assertEquals(List.of(), numbersIn(java, withoutComments(
                "@Describe(\"a percent (12.5 = 12.5%)\") @MaxItems(2_000) List<Deal> deals")));
        assertEquals(1, numbersIn(java, withoutComments("@Describe(\"x\") BigDecimal rate = new BigDecimal(\"0.15\");")).size());
    }

    @Test
    void noNumberOtherThanZeroAndOneInRules() throws IOException {
        List<String> found = new ArrayList<>();
        Path rules = TestHomes.REPO.resolve("rules");
        assertTrue(Files.isDirectory(rules), "rules/ is missing");
        List<Path> drl;
        try (Stream<Path> files = Files.walk(rules)) {
            drl = files.filter(p -> p.toString().endsWith(".drl")).toList();
        }
        // the shipped rules have DRL (rules/quota): a scan that finds none proves nothing
        assertTrue(!drl.isEmpty(), "no .drl file found under " + rules + ": the check would scan nothing");
        for (Path file : drl) {
            found.addAll(numbersIn(TestHomes.REPO.relativize(file), Files.readString(file)));
        }
        assertEquals(List.of(), found, "policy numbers belong in decision-tables/, not in DRL");
    }

    @Test
    void noNumberOtherThanZeroAndOneInDomainJava() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> packages = domainPackages();
        assertTrue(!packages.isEmpty(), "no domain is registered");
        for (Path pkg : packages) {
            try (Stream<Path> files = Files.walk(pkg)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    found.addAll(numbersIn(TestHomes.REPO.relativize(file), withoutComments(Files.readString(file))));
                }
            }
        }
        assertEquals(List.of(), found, "policy numbers belong in decision-tables/, not in Java");
    }

    /** The package folder of every domain registered as a service: where policy could hide in Java. */
    private static List<Path> domainPackages() throws IOException {
        Path services = TestHomes.REPO.resolve("src/main/resources/META-INF/services/smos.engine.DecisionDomain");
        List<Path> packages = new ArrayList<>();
        for (String line : Files.readAllLines(services)) {
            String type = line.strip();
            if (!type.isEmpty() && !type.startsWith("#")) {
                String pkg = type.substring(0, type.lastIndexOf('.'));
                packages.add(TestHomes.REPO.resolve("src/main/java").resolve(pkg.replace('.', '/')));
            }
        }
        return packages;
    }

    /**
     * Comments explain the policy in words and may quote it; only code is checked. So are the words of
     * {@code @Describe} (the contract's documentation, "12.5 = 12.5%") and the list bounds of
     * {@code @MaxItems}: how large a request the service takes is a limit of the service, like the body
     * size, not a rule of the sales policy.
     */
    static String withoutComments(String java) {
        StringBuilder out = new StringBuilder();
        String code = BLOCK_COMMENT.matcher(java).replaceAll(m -> "\n".repeat(countLines(m.group())));
        code = DESCRIBE.matcher(code).replaceAll("@Describe(\"\")");
        code = MAX_ITEMS.matcher(code).replaceAll("@MaxItems()");
        for (String line : code.split("\n", -1)) {
            int comment = line.indexOf("//");
            out.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        return out.toString();
    }

    private static int countLines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }
}
