package smos.territory;

import smos.common.Region;

/** Where an account goes: one of the four new regions, the strategic-accounts team, or nowhere yet. */
public enum AssignedRegion {
    NORTHEAST, MIDWEST, SOUTH, WEST, STRATEGIC_ACCOUNTS, UNASSIGNED;

    static AssignedRegion of(Region region) {
        return switch (region) {
            case NORTHEAST -> NORTHEAST;
            case MIDWEST -> MIDWEST;
            case SOUTH -> SOUTH;
            case WEST -> WEST;
        };
    }
}
