package smos.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.contract.DomainPages;
import smos.testing.HttpHarness;
import smos.testing.Services;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code smos openapi} writes the document the server serves, to a file or to standard output, and the domain pages. */
class OpenApiCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void writesTheServedDocumentToAFileAndToStandardOutput(@TempDir Path dir) throws IOException {
        String served;
        try (HttpHarness http = new HttpHarness(Services.shipped())) {
            served = http.get("/openapi.json").body();
        }
        Path file = dir.resolve("openapi.json");
        assertEquals(0, Main.run("openapi", file.toString()));
        assertEquals(served, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(0, Main.run("openapi"));
        assertEquals(served, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesTheFieldTablesIntoTheDomainPages(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("returns.md"), "# returns\n\nThe owner's prose.\n");
        assertEquals(0, Main.run("openapi", "--domain-docs", dir.toString()));
        String page = Files.readString(dir.resolve("returns.md"), StandardCharsets.UTF_8);
        assertTrue(page.startsWith("# returns\n\nThe owner's prose.\n"), page);
        assertTrue(page.contains(DomainPages.BEGIN) && page.contains("`claim.purchasePrice`"), page);
        assertTrue(Files.readString(dir.resolve("compensation.md")).contains("`deals[].revenue`"));
    }
}
