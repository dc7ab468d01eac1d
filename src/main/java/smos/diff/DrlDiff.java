package smos.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Two versions of a DRL file, line by line (java-diff-utils' Myers diff, rather than a diff of our
 * own). Within a changed block, lines pair up in order as changed; the rest are added or removed.
 */
final class DrlDiff {

    private DrlDiff() {
    }

    static List<LineChange> of(String file, byte[] before, byte[] after) {
        List<LineChange> changes = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(lines(before), lines(after)).getDeltas()) {
            Chunk<String> source = delta.getSource();
            Chunk<String> target = delta.getTarget();
            int paired = Math.min(source.size(), target.size());
            for (int i = 0; i < paired; i++) {
                changes.add(new LineChange(file, target.getPosition() + i + 1, source.getLines().get(i),
                        target.getLines().get(i), Change.CHANGED));
            }
            for (int i = paired; i < target.size(); i++) {
                changes.add(new LineChange(file, target.getPosition() + i + 1, null, target.getLines().get(i), Change.ADDED));
            }
            for (int i = paired; i < source.size(); i++) {
                changes.add(new LineChange(file, source.getPosition() + i + 1, source.getLines().get(i), null, Change.REMOVED));
            }
        }
        return changes;
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
