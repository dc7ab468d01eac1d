package smos.mutation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smos.mutation.fixtures.GradeDomain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mutation testing on a one-table domain: weak scenarios let threshold changes survive, boundary scenarios kill them. */
class MutationTesterTest {
    @TempDir
    Path home;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @BeforeEach
    void writeTable() {
        GradeDomain.table().write(home.resolve("decision-tables/grades/grades.xlsx"));
    }

    private void scenarios(int... pointsAndGrade) throws IOException {
        StringBuilder yaml = new StringBuilder("domain: grades\nscenarios:\n");
        for (int i = 0; i < pointsAndGrade.length; i += 2) {
            String grade = "ABC".substring(pointsAndGrade[i + 1], pointsAndGrade[i + 1] + 1);
            yaml.append("  - name: ").append(pointsAndGrade[i]).append(" points get ").append(grade).append('\n')
                    .append("    given: {points: ").append(pointsAndGrade[i]).append("}\n")
                    .append("    expect: {grade: ").append(grade).append("}\n");
        }
        Path file = home.resolve("scenarios/grades/grades.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    private DomainMutationResult run() {
        return new MutationTester(home, new PrintStream(progress, true, StandardCharsets.UTF_8)).run(new GradeDomain());
    }

    @Test
    void scenariosAwayFromTheThresholdsLetThemMoveUnnoticed() throws IOException {
        scenarios(95, 0, 60, 1, 10, 2);

        DomainMutationResult result = run();

        assertEquals(9, result.outcomes().size(), result::summary);
        assertEquals(List.of("Grades!C14 90 -> 89", "Grades!C14 90 -> 91", "Grades!C15 50 -> 49",
                "Grades!D16 50 -> 51"), survivors(result));
        // the grades themselves are pinned: A became B, B became C, C became A, and a scenario noticed each
        assertEquals(3, result.with(MutantOutcome.Status.KILLED).size());
        // 50 -> 51 in MiddleGrade and 50 -> 49 in LowGrade leave a gap the gate would refuse
        List<MutantOutcome> refused = result.with(MutantOutcome.Status.REFUSED);
        assertEquals(List.of("Grades!C15", "Grades!D16"), refused.stream().map(o -> o.mutant().cell()).toList());
        assertTrue(refused.get(0).detail().contains("no row of table Grades matches when points is 50"), refused.get(0).detail());
        String lines = progress.toString(StandardCharsets.UTF_8);
        assertTrue(lines.contains("grades 1/9 Grades!C14 90 -> 89 (rule TopGrade, column \"Points at least\") SURVIVED"),
                lines);
    }

    @Test
    void scenariosAtEachSideOfEachThresholdKillEveryMutantThatCanMatter() throws IOException {
        scenarios(95, 0, 60, 1, 10, 2, 90, 0, 89, 1, 50, 1, 49, 2);

        DomainMutationResult result = run();

        // LowGrade's "below 50" can rise to 51 unnoticed: MiddleGrade, above it, takes 50 first; it cannot matter
        assertEquals(List.of("Grades!D16 50 -> 51"), survivors(result), result::summary);
        assertEquals(8, result.with(MutantOutcome.Status.KILLED).size());
    }

    private static List<String> survivors(DomainMutationResult result) {
        return result.survivors().stream().map(o -> o.mutant().cell() + " " + o.mutant().change()).toList();
    }

    @Test
    void scenariosThatFailOnTheUnchangedTablesStopTheRun() throws IOException {
        scenarios(95, 1);

        MutationTester.BaselineFailedException e = assertThrows(MutationTester.BaselineFailedException.class, this::run);
        assertTrue(e.getMessage().contains("scenarios fail on the unchanged tables"), e.getMessage());
    }
}
