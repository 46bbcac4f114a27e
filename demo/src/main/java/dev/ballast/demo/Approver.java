package dev.ballast.demo;

/**
 * The reviewer's decision on a promotion request. The demo approves over the API; the end-to-end test approves in the
 * web UI, as a reviewer would, through the same interface.
 */
@FunctionalInterface
public interface Approver {
    void approve(long promotionId, String comment);

    /** Approves with {@code POST /api/v1/promotions/{id}/approve} as the given reviewer. */
    static Approver overApi(BallastApi reviewer) {
        return (id, comment) -> reviewer.post("/api/v1/promotions/" + id + "/approve", java.util.Map.of("comment", comment));
    }
}
