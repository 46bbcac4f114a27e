package dev.ballast.demo;

/**
 * The reviewer's decision on a promotion request. The demo approves over the API; the end-to-end test approves in the
 * web UI, as a reviewer would, through the same interface.
 */
@FunctionalInterface
public interface Approver {
    /** Approves promotion request {@code promotionId} as {@code reviewer} (whose name and password it may use to sign in). */
    void approve(BallastApi reviewer, long promotionId, String comment);

    /** Approves with {@code POST /api/v1/promotions/{id}/approve}. */
    static Approver overApi() {
        return (reviewer, id, comment) -> reviewer.post("/api/v1/promotions/" + id + "/approve", java.util.Map.of("comment", comment));
    }
}
