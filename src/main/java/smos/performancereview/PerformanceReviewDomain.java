package smos.performancereview;

import smos.engine.DomainDefinition;
import smos.engine.Evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Escalation of under-performance (docs/domains/performance-review.md). */
public final class PerformanceReviewDomain extends DomainDefinition<PerformanceReviewRequest, PerformanceReviewDecision> {
    /** First the quarters below the threshold and a severe miss are marked, then the ladder decides. */
    private static final List<String> STAGES = List.of("classify", "ladder");

    public PerformanceReviewDomain() {
        super("performance-review", PerformanceReviewRequest.class,
                "Escalation of under-performance: coaching, improvement plan or employment review by quarters below "
                        + "the threshold, and recognition of top performers.",
                STAGES);
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
