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
 * rules/, or in the Java of a domain package, fails the build with its file and line.
 */
class PolicyNumbersTest {
    /** A number token: not part of an identifier (Wifi7Router) and not a digit inside a longer word. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.$])\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?[dDfFlLbB]?(?![\\w.])");
    private static final Set<String> ALLOWED = Set.of("0", "1");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    /** Packages that move data, not policy: the engine, the HTTP layer, the CLI and the shared arithmetic. */
    private static final Set<String> INFRASTRUCTURE = Set.of("engine", "api", "cli", "request", "scenarios",
            "service", "common");

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
    }

    @Test
    void noNumberOtherThanZeroAndOneInRules() throws IOException {
        List<String> found = new ArrayList<>();
        Path rules = TestHomes.REPO.resolve("rules");
        assertTrue(Files.isDirectory(rules), "rules/ is missing");
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                found.addAll(numbersIn(TestHomes.REPO.relativize(file), Files.readString(file)));
            }
        }
        assertEquals(List.of(), found, "policy numbers belong in decision-tables/, not in DRL");
    }

    @Test
    void noNumberOtherThanZeroAndOneInDomainJava() throws IOException {
        Path root = TestHomes.REPO.resolve("src/main/java/smos");
        List<String> found = new ArrayList<>();
        int domains = 0;
        try (Stream<Path> packages = Files.list(root)) {
            for (Path pkg : packages.filter(Files::isDirectory).toList()) {
                if (INFRASTRUCTURE.contains(pkg.getFileName().toString())) {
                    continue;
                }
                domains++;
                try (Stream<Path> files = Files.walk(pkg)) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        found.addAll(numbersIn(TestHomes.REPO.relativize(file), withoutComments(Files.readString(file))));
                    }
                }
            }
        }
        assertTrue(domains > 0, "no domain package found under " + root);
        assertEquals(List.of(), found, "policy numbers belong in decision-tables/, not in Java");
    }

    /** Comments explain the policy in words and may quote it; only code is checked. */
    private static String withoutComments(String java) {
        StringBuilder out = new StringBuilder();
        String code = BLOCK_COMMENT.matcher(java).replaceAll(m -> "\n".repeat(countLines(m.group())));
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
