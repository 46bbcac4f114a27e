package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;

/** What the column accumulators of one scan share: settings, the spill file and the memory budget of value counters. */
final class ScanContext {
    final ScanSettings settings;
    final SpillStore spill;
    final MemoryBudget budget;
    /** Number of streams expected (columns + row hashes) when known up front, to size spill buffers. */
    int expectedStreams = 1;

    ScanContext(ScanSettings settings, SpillStore spill, MemoryBudget budget) {
        this.settings = settings;
        this.spill = spill;
        this.budget = budget;
    }

    SpillStore.Stream newStream() throws IOException {
        return spill.newStream(expectedStreams);
    }

    ValueCounter newCounter() {
        return new ValueCounter(settings.distinctExactLimit(), budget);
    }
}
