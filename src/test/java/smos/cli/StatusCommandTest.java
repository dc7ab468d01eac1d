package smos.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import smos.api.Tokens;
import smos.engine.DomainRegistry;
import smos.returns.ReturnsDomain;
import smos.service.DecisionService;
import smos.testing.CapturedOutput;
import smos.testing.HttpHarness;
import smos.testing.PublishingServer;
import smos.testing.ReturnsChanges;
import smos.testing.TestHomes;
import smos.testing.Workbooks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code smos status} against a real server: the last refused edit in plain words, with the cell to fix. */
class StatusCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput console = new CapturedOutput();

    @Test
    void aRefusedEditIsNamedWithItsCellAndTheVersionThatKeptServing() throws Exception {
        try (PublishingServer server = new PublishingServer(dir, Tokens.none())) {
            String serving = server.base("returns", null);
            assertEquals(0, Main.run("status", "--server", server.url()), console::all);
            assertTrue(console.out.toString(StandardCharsets.UTF_8).contains("returns              ACTIVE  version " + serving),
                    console::all);
            assertFalse(console.all().contains("last refused change"), console::all);

            // a business user saves the workbook with a word where the restocking fee rate goes
            Path working = server.home().resolve(ReturnsChanges.POLICY);
            String cell = Workbooks.cellOf(working, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
            Workbooks.set(working, "Outcome", cell, "thirty");
            server.manager().reloadFromDisk("returns");
            console.out.reset();

            assertEquals(0, Main.run("status", "returns", "--server", server.url()), "a stale domain still serves: " + console.all());
            String printed = console.out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("returns              STALE   version " + serving), printed);
            assertTrue(printed.contains("was refused, so version " + serving + " kept serving"), printed);
            assertTrue(printed.contains(ReturnsChanges.POLICY + ", sheet Outcome, cell " + cell + ": "), printed);
            assertTrue(printed.contains("\"thirty\""), "the message quotes what was typed: " + printed);
        }
    }

    @Test
    void aDomainThatServesNothingExitsWithOne() throws Exception {
        Path home = TestHomes.copyOfShipped(dir);
        Path xlsx = home.resolve(ReturnsChanges.POLICY);
        String cell = Workbooks.cellOf(xlsx, "Warranty", "NewSwitchWarranty", "Warranty");
        Workbooks.set(xlsx, "Warranty", cell, "five years");
        DomainRegistry registry = new DomainRegistry(home, List.of(new ReturnsDomain()));
        registry.loadAll();
        try (HttpHarness http = new HttpHarness(new DecisionService(registry, Map::of))) {
            int code = Main.run("status", "--server", "http://localhost:" + http.port());
            assertEquals(1, code, console::all);
            String printed = console.out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("returns              FAILED  serves no version"), printed);
            assertTrue(printed.contains("was refused, so nothing serves"), printed);
            assertTrue(printed.contains(ReturnsChanges.POLICY + ", sheet Warranty, cell " + cell + ": "), printed);
            assertTrue(printed.contains("\"five years\""), printed);
        }
    }

    @Test
    void anUnknownDomainIsSaidAndExitsWithTwo() throws Exception {
        try (PublishingServer server = new PublishingServer(dir, Tokens.none())) {
            assertEquals(2, Main.run("status", "billing", "--server", server.url()), console::all);
            assertTrue(console.err.toString(StandardCharsets.UTF_8).contains("no domain billing"), console::all);
        }
    }
}
