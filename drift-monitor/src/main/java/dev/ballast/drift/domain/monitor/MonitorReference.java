package dev.ballast.drift.domain.monitor;

/**
 * What a monitor compares served traffic with. Exactly one kind per monitor, chosen at creation and never changed
 * afterwards (its checks' results would otherwise mix two references in one time series).
 */
public sealed interface MonitorReference permits MonitorReference.Lineage, MonitorReference.PinnedDataset,
        MonitorReference.FrozenWindow {

    /** {@code lineage}, {@code dataset} or {@code window}: the API's {@code reference_kind}. */
    String kind();

    /**
     * The default: the dataset version the served version's run trained on (its input with context {@code training},
     * else its first Ballast dataset input), looked up at every check, so a promotion brings its own training data.
     */
    record Lineage() implements MonitorReference {
        @Override
        public String kind() {
            return "lineage";
        }
    }

    /** A dataset version chosen by the monitor's creator ({@code version}: a number, a commit id or {@code latest}). */
    record PinnedDataset(String dataset, String version) implements MonitorReference {
        @Override
        public String kind() {
            return "dataset";
        }
    }

    /**
     * The inputs one model version was served in {@code [from, to)} (epoch ms), as captured: for instance a week the
     * model was known to behave well. The window is fixed when the monitor is created and lies in the past, so the
     * reference does not move; at most {@code maxRows} rows of it are read (the newest when it holds more).
     */
    record FrozenWindow(int version, long from, long to) implements MonitorReference {
        public FrozenWindow {
            if (from >= to) {
                throw new IllegalArgumentException("window from " + from + " must be before to " + to);
            }
        }

        @Override
        public String kind() {
            return "window";
        }
    }
}
