package smos.orgstructure;

import smos.common.Region;
import smos.request.CrossFieldCheck;
import smos.request.NonNegative;
import smos.request.Optional;

/** One manager of the proposed structure; {@code region} is a new region, optional for a VP_SALES. */
public record Manager(
        String managerId,
        ManagerLevel level,
        @Optional Region region,
        @NonNegative Integer directReports) implements CrossFieldCheck {

    @Override
    public void check(Violations violations) {
        if (region == null && level != ManagerLevel.VP_SALES) {
            violations.add("region", "is required for a " + level + " (only a VP_SALES may have no region)");
        }
    }
}
