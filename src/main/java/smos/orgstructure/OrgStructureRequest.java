package smos.orgstructure;

import smos.request.MaxItems;
import smos.request.CrossFieldCheck;
import smos.request.NotEmpty;
import smos.request.Positive;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/decisions/org-structure}: the baseline manager count and the proposed managers. */
public record OrgStructureRequest(
        @Positive Integer baselineManagerCount,
        // a sales organization of 10,000 reps at spans of 8 to 12 has about a thousand managers; span and
        // coverage checks run over every manager, so the bound keeps a review small
        @NotEmpty @MaxItems(2000) List<Manager> managers) implements CrossFieldCheck {

    @Override
    public void check(Violations violations) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < managers.size(); i++) {
            Integer first = seen.putIfAbsent(managers.get(i).managerId(), i);
            if (first != null) {
                violations.add("managers[" + i + "].managerId", "'" + managers.get(i).managerId()
                        + "' is already used by managers[" + first + "]; each manager is listed once");
            }
        }
    }
}
