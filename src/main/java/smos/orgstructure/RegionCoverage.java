package smos.orgstructure;

import smos.common.Region;

import java.util.List;

/**
 * One new region, as the RequiredDirectors and DirectorCoverage tables see it: how many regional
 * directors the proposed structure puts there, and how many the table requires (none unless a row says so).
 */
public final class RegionCoverage extends FindingRaiser {
    private final Region region;
    private final int directorCount;
    private Integer requiredDirectors;

    RegionCoverage(Region region, List<Manager> managers, List<Draft> findings) {
        super(findings);
        this.region = region;
        this.directorCount = (int) managers.stream()
                .filter(m -> m.level() == ManagerLevel.REGIONAL_DIRECTOR && m.region() == region).count();
    }

    @Override
    String findingManagerId() {
        return null;
    }

    @Override
    Region findingRegion() {
        return region;
    }

    public Region getRegion() {
        return region;
    }

    public int getDirectorCount() {
        return directorCount;
    }

    public void setRequiredDirectors(int requiredDirectors) {
        this.requiredDirectors = requiredDirectors;
    }

    /** Directors required but missing: 0 when the region has enough, or no requirement. */
    public int getMissingDirectors() {
        return requiredDirectors == null ? 0 : Math.max(0, requiredDirectors - directorCount);
    }

    /** Directors beyond the requirement: 0 when the region has no more than required, or no requirement. */
    public int getExtraDirectors() {
        return requiredDirectors == null ? 0 : Math.max(0, directorCount - requiredDirectors);
    }
}
