package dev.ballast.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The metric points of the ingestion benchmark, encoded two ways from the same numbers: as an
 * MLflow {@code runs/log-batch} JSON body (what Ballast is sent) and as COPY text rows (what the
 * baseline sends PostgreSQL directly). A batch looks like a training loop's: {@value #KEYS}
 * metric keys logged at consecutive steps, steps rising from batch to batch.
 */
public final class MetricBatches {
    public static final int KEYS = 10;
    public static final long BASE_TIMESTAMP = 1_700_000_000_000L;
    public static final String COPY_COLUMNS = "run_uuid, metric_key, metric_value, ts, step, is_nan";

    private final long seed;
    private final int batchSize;

    public MetricBatches(long seed, int batchSize) {
        this.seed = seed;
        this.batchSize = batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The {@code runs/log-batch} body for batch {@code batch} of client {@code client}. */
    public byte[] json(String runId, int client, int batch) {
        StringBuilder sb = new StringBuilder(64 + batchSize * 72);
        sb.append("{\"run_id\":\"").append(runId).append("\",\"metrics\":[");
        Random r = random(client, batch);
        for (int j = 0; j < batchSize; j++) {
            long step = step(batch, j);
            if (j > 0) {
                sb.append(',');
            }
            sb.append("{\"key\":\"m").append(j % KEYS).append("\",\"value\":").append(r.nextDouble())
                    .append(",\"timestamp\":").append(timestamp(client, step)).append(",\"step\":").append(step).append('}');
        }
        sb.append("]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The same points as COPY text rows for {@link #COPY_COLUMNS}. */
    public byte[] copyRows(String runId, int client, int batch) {
        StringBuilder sb = new StringBuilder(batchSize * 72);
        Random r = random(client, batch);
        for (int j = 0; j < batchSize; j++) {
            long step = step(batch, j);
            sb.append(runId).append("\tm").append(j % KEYS).append('\t').append(r.nextDouble()).append('\t')
                    .append(timestamp(client, step)).append('\t').append(step).append("\tf\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Random random(int client, int batch) {
        return new Random(seed * 1_000_003L + client * 10_007L + batch);
    }

    private long step(int batch, int j) {
        long perBatch = (batchSize + KEYS - 1) / KEYS;
        return batch * perBatch + j / KEYS;
    }

    private static long timestamp(int client, long step) {
        return BASE_TIMESTAMP + step * 1000 + client;
    }
}
