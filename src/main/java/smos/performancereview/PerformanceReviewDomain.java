package smos.performancereview;

import smos.engine.DecisionDomain;
import smos.engine.Evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Escalation of under-performance (docs/domains/performance-review.md). */
public final class PerformanceReviewDomain implements DecisionDomain<PerformanceReviewRequest, PerformanceReviewDecision> {
    /** First the quarters below the threshold and a severe miss are marked, then the ladder decides. */
    private static final List<String> STAGES = List.of("classify", "ladder");

    @Override
    public String id() {
        return "performance-review";
    }

    @Override
    public String description() {
        return "Escalation of under-performance: coaching, improvement plan or employment review by quarters below "
                + "the threshold, and recognition of top performers.";
    }

    @Override
    public Class<PerformanceReviewRequest> requestType() {
        return PerformanceReviewRequest.class;
    }

    @Override
    public List<String> stages() {
        return STAGES;
    }

    @Override
    public Evaluation<PerformanceReviewDecision> prepare(PerformanceReviewRequest request) {
        List<QuarterResult> quarters = request.quarters().stream().map(QuarterResult::new).toList();
        PerformanceReview review = new PerformanceReview(request.rep(), quarters);
        List<Object> facts = new ArrayList<>();
        facts.add(review);
        facts.addAll(quarters);
        return new Evaluation<>(facts, Map.of(), review::toDecision);
    }
}
