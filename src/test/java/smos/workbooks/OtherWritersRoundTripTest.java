package smos.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.checks.Finding;
import smos.checks.SpreadsheetChecks;
import smos.engine.DomainState;
import smos.engine.DomainRegistry;
import smos.engine.DomainSources;
import smos.engine.RuleOrigin;
import smos.request.Json;
import smos.scenarios.Scenario;
import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioLoader;
import smos.service.DecisionResponse;
import smos.service.DecisionService;
import smos.testing.OtherWriters;
import smos.testing.Services;
import smos.testing.TestHomes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped workbook, saved by another program, is the same policy: it compiles to the same rules
 * (names and rows), decides every scenario request the same (decision and trace), and gets the same
 * findings. The writers: real openpyxl, LibreOffice (committed copies), and a POI-built writer that
 * leaves out covered merged cells, writes strings inline and adds style-only cells.
 */
class OtherWritersRoundTripTest {
    private static Path shipped;
    private static Map<String, Object> shippedView;

    @BeforeAll
    static void readShipped() {
        shipped = TestHomes.REPO;
        shippedView = view(shipped);
    }

    @Test
    void openpyxlSavedWorkbooksAreTheSamePolicy(@TempDir Path dir) {
        Path home = TestHomes.copyOfShipped(dir);
        eachWorkbook(home, (file, relative) -> OtherWriters.openpyxl(file, file, Map.of()));
        assertSame(home, "openpyxl");
    }

    @Test
    void libreOfficeSavedWorkbooksAreTheSamePolicy(@TempDir Path dir) {
        Path home = TestHomes.copyOfShipped(dir);
        eachWorkbook(home, (file, relative) -> copy(OtherWriters.libreOffice(relative), file));
        assertSame(home, "LibreOffice");
    }

    @Test
    void sparselyWrittenWorkbooksAreTheSamePolicy(@TempDir Path dir) {
        Path home = TestHomes.copyOfShipped(dir);
        eachWorkbook(home, (file, relative) -> {
            try {
                Files.write(file, OtherWriters.sparse(Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Path returns = home.resolve("decision-tables/returns/returns-policy.xlsx");
        smos.testing.Workbooks.withSheet(returns, "Outcome", false, sheet -> {
            // the writer did what it says: the pattern's covered cells are gone, strings are inline
            assertEquals(null, sheet.getRow(13).getCell(3), "covered cell D14 left out");
            assertEquals(org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType.INLINE_STR,
                    ((org.apache.poi.xssf.usermodel.XSSFCell) sheet.getRow(13).getCell(2)).getCTCell().getT());
        });
        assertSame(home, "the sparse POI writer");
    }

    private static void assertSame(Path home, String writer) {
        Map<String, Object> view = view(home);
        assertEquals(shippedView.keySet(), view.keySet());
        for (String key : shippedView.keySet()) {
            assertEquals(shippedView.get(key), view.get(key), () -> "saved by " + writer + ", " + key + " differs");
        }
    }

    /** Per domain: its rules with their rows, its findings, and the decision and trace of every scenario request. */
    private static Map<String, Object> view(Path home) {
        DecisionService service = Services.load(home);
        DomainRegistry registry = service.registry();
        SpreadsheetChecks checks = new SpreadsheetChecks();
        Map<String, Object> view = new LinkedHashMap<>();
        for (String domain : service.domainIds()) {
            DomainState state = registry.state(domain).orElseThrow();
            assertTrue(state.active() != null, () -> domain + " in " + home + ": " + state.lastRejection());
            Map<String, RuleOrigin> rules = new java.util.TreeMap<>(state.active().origins());
            view.put(domain + " rules", rules.toString());
            view.put(domain + " findings", checks.check(DomainSources.scan(home, domain)).stream()
                    .map(Finding::toString).toList());
        }
        List<Path> files = ScenarioLoader.find(List.of(home.resolve(ScenarioLoader.SCENARIOS_DIR)));
        assertFalse(files.isEmpty());
        for (Path path : files) {
            ScenarioFile file = ScenarioLoader.load(path, home.relativize(path).toString());
            for (Scenario scenario : file.scenarios()) {
                List<String> answer = new ArrayList<>();
                try {
                    DecisionResponse response = service.decide(file.domain(), Json.mapper().writeValueAsBytes(scenario.given()));
                    JsonNode decision = Json.mapper().valueToTree(response.decision());
                    answer.add(decision.toString());
                    answer.add(response.trace().toString());
                } catch (Exception e) {
                    answer.add("refused: " + e.getMessage());
                }
                view.put(file.path() + " / " + scenario.name(), answer);
            }
        }
        return view;
    }

    /** Calls {@code change} with each shipped workbook of the home and its path under decision-tables/. */
    private static void eachWorkbook(Path home, BiConsumer<Path, String> change) {
        Path tables = home.resolve(smos.engine.DomainLayout.TABLES_DIR);
        try (Stream<Path> walk = Files.walk(tables)) {
            List<Path> workbooks = walk.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
            assertFalse(workbooks.isEmpty(), "no shipped workbooks under " + tables);
            workbooks.forEach(p -> change.accept(p, tables.relativize(p).toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
