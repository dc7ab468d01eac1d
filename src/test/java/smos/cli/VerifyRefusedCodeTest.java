package smos.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.testing.TestHomes;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code smos verify} reports rule code that may not run like any other problem: file, line, rule and call. */
class VerifyRefusedCodeTest {
    @TempDir
    Path home;

    @Test
    void verifyNamesTheRuleTheLineAndTheCallAndExitsOne() throws Exception {
        TestHomes.copyOfShipped(home);
        Path marker = home.resolve("ran.marker");
        Files.writeString(home.resolve("rules/returns/evil.drl"), """
                package smos.returns.extra;
                import smos.returns.ReturnCase;

                rule "StopTheServer"
                    ruleflow-group "outcome"
                when
                    $case: ReturnCase(eval(java.nio.file.Files.exists(java.nio.file.Path.of("%s"))) == false)
                then
                    System.exit(3);
                end
                """.formatted(marker));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("verify", "--home", home.toString());
        } finally {
            System.setOut(original);
        }

        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, text);
        assertTrue(text.contains("rules/returns/evil.drl, line 9: rule StopTheServer may not use java.lang.System.exit"), text);
        assertTrue(text.contains("rules/returns/evil.drl, line 7: rule StopTheServer may not use java.nio.file.Files.exists"), text);
        assertFalse(Files.exists(marker));
    }
}
