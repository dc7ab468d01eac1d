package smos.publish;

import java.time.Instant;

/**
 * The record that a version passed the gate: when, how many scenarios vouched for it, and which SMOS
 * build ran them. A version goes live without running its scenarios again only on such a record
 * written by the same build; anything else is gated again before it serves.
 */
public record GateRecord(String version, Instant at, int scenarios, String build) {

    /** The SMOS build running now, as written in the jar's manifest ({@code development} outside a jar). */
    public static String currentBuild() {
        String version = GateRecord.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    public boolean byThisBuild() {
        return currentBuild().equals(build);
    }
}
