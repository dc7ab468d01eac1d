package smos.checks;

import smos.engine.RuleProblem;

import java.util.ArrayList;
import java.util.List;

/** The findings of one run of the checks, in the order they were found. */
public final class Findings {
    private final List<Finding> all = new ArrayList<>();

    public void add(Finding finding) {
        all.add(finding);
    }

    public void error(String check, String file, String sheet, List<String> cells, String message) {
        add(new Finding(Severity.ERROR, check, file, sheet, cells, message));
    }

    public void warning(String check, String file, String sheet, List<String> cells, String message) {
        add(new Finding(Severity.WARNING, check, file, sheet, cells, message));
    }

    public void info(String check, String file, String sheet, List<String> cells, String message) {
        add(new Finding(Severity.INFO, check, file, sheet, cells, message));
    }

    /** True when an error was already reported for this cell, so a second check need not repeat it. */
    public boolean hasErrorAt(String file, String sheet, String cell) {
        return all.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.file().equals(file)
                && sheet.equals(f.sheet()) && f.cells().contains(cell));
    }

    public List<Finding> list() {
        return List.copyOf(all);
    }

    /**
     * The findings that add to the compile problems: none at a cell a problem already names, and no
     * warning or information about a sheet (or file) that has a problem, since those follow from it
     * (a fact type not found leaves every column "not analysed") and would bury the one message that matters.
     */
    public static List<Finding> besides(List<Finding> findings, List<RuleProblem> problems) {
        return findings.stream().filter(f -> problems.stream().noneMatch(p -> java.util.Objects.equals(p.file(), f.file())
                && (p.sheet() == null || java.util.Objects.equals(p.sheet(), f.sheet()))
                && (f.severity() != Severity.ERROR || java.util.Objects.equals(p.cell(), f.cell())))).toList();
    }

    public static List<Finding> of(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** The findings of one severity as rule-file problems (file, sheet, first cell, message). */
    public static List<RuleProblem> problems(List<Finding> findings, Severity severity) {
        return of(findings, severity).stream().map(Finding::toProblem).toList();
    }
}
