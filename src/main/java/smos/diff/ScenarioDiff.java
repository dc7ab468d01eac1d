package smos.diff;

import smos.scenarios.Scenario;
import smos.scenarios.ScenarioFile;
import smos.scenarios.ScenarioFileException;
import smos.scenarios.ScenarioLoader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two versions of a scenario file, scenario by scenario: matched by name, changed when its facts or
 * expectations differ (a reworded comment is no change). A file that cannot be read as scenarios is
 * listed as a changed file only.
 */
final class ScenarioDiff {

    private ScenarioDiff() {
    }

    /** {@code before} or {@code after} is null for a file added or removed. */
    static List<ScenarioChange> of(String file, byte[] before, byte[] after) {
        Map<String, Scenario> old;
        Map<String, Scenario> now;
        try {
            old = scenarios(file, before);
            now = scenarios(file, after);
        } catch (ScenarioFileException e) {
            return List.of();
        }
        List<ScenarioChange> changes = new ArrayList<>();
        now.forEach((name, scenario) -> {
            if (!old.containsKey(name)) {
                changes.add(new ScenarioChange(file, name, Change.ADDED));
            } else if (!Objects.equals(old.get(name), scenario)) {
                changes.add(new ScenarioChange(file, name, Change.CHANGED));
            }
        });
        old.keySet().stream().filter(name -> !now.containsKey(name))
                .forEach(name -> changes.add(new ScenarioChange(file, name, Change.REMOVED)));
        return changes;
    }

    private static Map<String, Scenario> scenarios(String file, byte[] bytes) {
        Map<String, Scenario> byName = new LinkedHashMap<>();
        if (bytes != null) {
            ScenarioFile scenarios = ScenarioLoader.load(bytes, file);
            scenarios.scenarios().forEach(s -> byName.putIfAbsent(s.name(), s));
        }
        return byName;
    }
}
