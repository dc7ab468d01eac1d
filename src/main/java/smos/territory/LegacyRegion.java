package smos.territory;

/** The eight regions of the sales organization before the re-organization. */
public enum LegacyRegion {
    NEW_ENGLAND, MID_ATLANTIC, SOUTHEAST, GULF, GREAT_LAKES, PLAINS, MOUNTAIN, PACIFIC
}
