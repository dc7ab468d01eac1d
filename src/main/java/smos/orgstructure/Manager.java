package smos.orgstructure;

import smos.request.Describe;
import smos.common.Region;
import smos.request.CrossFieldCheck;
import smos.request.NonNegative;
import smos.request.Optional;

/** One manager of the proposed structure; {@code region} is a new region, optional for a VP_SALES. */
public record Manager(
        String managerId,
        ManagerLevel level,
        @Describe("a new region; required unless the level is VP_SALES") @Optional Region region,
        @NonNegative Integer directReports) implements CrossFieldCheck {

    @Override
    public void check(Violations violations) {
        if (region == null && level != ManagerLevel.VP_SALES) {
            violations.add("region", "is required for a " + level + " (only a VP_SALES may have no region)");
        }
    }
}
