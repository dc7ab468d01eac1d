package smos.orgstructure;

import smos.common.Region;

import java.util.List;

/** One manager, as the SpanLimits table sees it: level and number of direct reports. */
public final class ManagerSpan extends FindingRaiser {
    private final Manager manager;

    ManagerSpan(Manager manager, List<Draft> findings) {
        super(findings);
        this.manager = manager;
    }

    @Override
    String findingManagerId() {
        return manager.managerId();
    }

    @Override
    Region findingRegion() {
        return manager.region();
    }

    public String getManagerId() {
        return manager.managerId();
    }

    public ManagerLevel getLevel() {
        return manager.level();
    }

    public int getDirectReports() {
        return manager.directReports();
    }
}
