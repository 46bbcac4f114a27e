package dev.ballast.tracking.domain;

/** One metric point. NaN and the infinities are legal values, as in MLflow. */
public record Metric(String key, double value, long timestamp, long step) {

    /** MLflow's order of "latest": highest step, then timestamp, then value (NaN counts as highest). */
    public boolean isAfter(Metric other) {
        if (step != other.step) {
            return step > other.step;
        }
        if (timestamp != other.timestamp) {
            return timestamp > other.timestamp;
        }
        return Double.compare(value, other.value) > 0;
    }
}
