package dev.ballast.ui.drift;

import dev.ballast.drift.domain.monitor.CheckSchedule;
import dev.ballast.drift.domain.monitor.MonitorReference;
import io.micronaut.core.annotation.Nullable;

/** How the drift pages describe a monitor's schedule and reference in words. */
final class MonitorTexts {

    private MonitorTexts() {
    }

    static String schedule(@Nullable CheckSchedule schedule) {
        if (schedule instanceof CheckSchedule.Interval i) {
            return "every " + i.seconds() + " s";
        }
        if (schedule instanceof CheckSchedule.Cron c) {
            return "cron " + c.expression() + " (UTC)";
        }
        return "on demand only";
    }

    static String reference(MonitorReference reference) {
        if (reference instanceof MonitorReference.PinnedDataset d) {
            return "dataset " + d.dataset() + " version " + d.version();
        }
        if (reference instanceof MonitorReference.FrozenWindow w) {
            return "inputs served to version " + w.version() + " in a fixed window";
        }
        return "the training data in the served version's lineage";
    }
}
