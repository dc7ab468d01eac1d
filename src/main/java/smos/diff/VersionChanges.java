package smos.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed from one version of a domain to another: the files added, removed or changed; in the
 * decision tables each changed cell and each rule row added or removed; in DRL files each changed
 * line; in scenario files each scenario added, removed or changed.
 */
public record VersionChanges(String domain, String from, String to, List<FileChange> files, List<CellChange> cells,
                             List<RowChange> rows, List<LineChange> lines, List<ScenarioChange> scenarios) {

    public VersionChanges {
        files = List.copyOf(files);
        cells = List.copyOf(cells);
        rows = List.copyOf(rows);
        lines = List.copyOf(lines);
        scenarios = List.copyOf(scenarios);
    }

    /** The changed value cells of rule rows (conditions and actions): what an editor changes, and what is mutated. */
    public List<CellChange> valueCells() {
        return cells.stream().filter(c -> c.valueCell() && c.change() == Change.CHANGED).toList();
    }

    /** Whether the two versions have the same content. */
    @JsonIgnore
    public boolean isEmpty() {
        return files.isEmpty();
    }

    /**
     * One short line per change, cells first ({@code Approval!E19 10 -> 12}), as history entries list
     * them. A decision table or DRL file added or removed is one line, not one per cell or line.
     */
    public List<String> summaries() {
        List<String> out = new ArrayList<>();
        cells.forEach(c -> out.add(c.summary()));
        rows.forEach(r -> out.add(r.summary()));
        lines.forEach(l -> out.add(l.summary()));
        scenarios.forEach(s -> out.add(s.summary()));
        files.stream().filter(f -> f.change() != Change.CHANGED).forEach(f -> out.add(f.summary()));
        return out;
    }

    /**
     * One readable line per change, as {@code smos diff} prints them: cells with the rule of their row
     * and the label of their column ({@code Approval!E19 (row "Manager approval", column "Max discount %")
     * 10 -> 12}), then rows, DRL lines, scenarios and files.
     */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        cells.forEach(c -> out.add(c.describe()));
        rows.forEach(r -> out.add(r.summary()));
        lines.forEach(l -> out.add(l.summary()));
        scenarios.forEach(s -> out.add(s.summary()));
        files.forEach(f -> out.add(f.summary()));
        return out;
    }
}
