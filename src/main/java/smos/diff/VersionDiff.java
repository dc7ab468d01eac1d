package smos.diff;

import smos.engine.DomainBundle;
import smos.engine.DomainLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Lists what changed between two versions of a domain, each given as its bundle (from the rule store's
 * history, or a candidate not yet published). Files whose bytes are equal are not read; a changed
 * decision table is compared cell by cell as the rules read it ({@link WorkbookDiff}), a DRL file line
 * by line ({@link DrlDiff}), a scenario file scenario by scenario ({@link ScenarioDiff}).
 */
public final class VersionDiff {

    private VersionDiff() {
    }

    /** The changes that turn {@code from} into {@code to} (both of the same domain). */
    public static VersionChanges between(DomainBundle from, DomainBundle to) {
        List<FileChange> files = new ArrayList<>();
        List<CellChange> cells = new ArrayList<>();
        List<RowChange> rows = new ArrayList<>();
        List<LineChange> lines = new ArrayList<>();
        List<ScenarioChange> scenarios = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(from.files().keySet());
        paths.addAll(to.files().keySet());
        for (String path : paths) {
            String before = from.hashes().get(path);
            String after = to.hashes().get(path);
            if (before != null && before.equals(after)) {
                continue;
            }
            files.add(new FileChange(path, before == null ? Change.ADDED : after == null ? Change.REMOVED : Change.CHANGED));
            byte[] old = from.files().get(path);
            byte[] now = to.files().get(path);
            Optional<DomainLayout.Kind> kind = DomainLayout.kindOfPath(path);
            if (kind.isEmpty()) {
                continue;
            }
            switch (kind.get()) {
                case DECISION_TABLE -> {
                    if (old != null && now != null) {
                        WorkbookDiff diff = WorkbookDiff.of(path, old, now);
                        cells.addAll(diff.cells());
                        rows.addAll(diff.rows());
                    }
                }
                case DRL -> {
                    if (old != null && now != null) {
                        lines.addAll(DrlDiff.of(path, old, now));
                    }
                }
                case SCENARIOS -> scenarios.addAll(ScenarioDiff.of(path, old, now));
            }
        }
        return new VersionChanges(to.domain(), from.version(), to.version(), files, cells, rows, lines, scenarios);
    }
}
