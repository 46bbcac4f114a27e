package dev.ballast.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated data: well-formed, the same for API and baseline, and the same from run to run. */
class BenchDataTest {

    @Test
    void runIdsAre32LowercaseHexAndRepeatableFromTheSeed() {
        String a = RunIds.next(new Random(1));
        assertTrue(a.matches("[0-9a-f]{32}"), a);
        assertEquals(a, RunIds.next(new Random(1)));
        assertNotEquals(a, RunIds.next(new Random(2)));
    }

    @Test
    void logBatchBodyAndCopyRowsCarryTheSamePoints() {
        MetricBatches batches = new MetricBatches(7, 20);
        String run = "0123456789abcdef0123456789abcdef";
        String json = new String(batches.json(run, 1, 3), StandardCharsets.UTF_8);
        String[] rows = new String(batches.copyRows(run, 1, 3), StandardCharsets.UTF_8).split("\n");
        assertTrue(json.startsWith("{\"run_id\":\"" + run + "\",\"metrics\":[{\"key\":\"m0\""));
        assertTrue(json.endsWith("}]}"));
        assertEquals(20, rows.length);
        assertEquals(20, HistoryBenchmark.occurrences(json.getBytes(StandardCharsets.UTF_8), "\"step\""));
        for (String row : rows) {
            String[] f = row.split("\t");
            assertEquals(6, f.length, row);
            assertEquals(run, f[0]);
            assertEquals("f", f[5]);
            assertTrue(json.contains("{\"key\":\"" + f[1] + "\",\"value\":" + f[2] + ",\"timestamp\":" + f[3] + ",\"step\":" + f[4] + "}"),
                    "the JSON body holds " + row);
        }
        assertArrayEquals(batches.json(run, 1, 3), new MetricBatches(7, 20).json(run, 1, 3));
    }

    @Test
    void consecutiveBatchesContinueTheSteps() {
        MetricBatches batches = new MetricBatches(7, 1000);
        String run = "0123456789abcdef0123456789abcdef";
        String[] first = new String(batches.copyRows(run, 0, 0), StandardCharsets.UTF_8).split("\n");
        String[] second = new String(batches.copyRows(run, 0, 1), StandardCharsets.UTF_8).split("\n");
        assertEquals("99", first[999].split("\t")[4]);
        assertEquals("100", second[0].split("\t")[4]);
    }

    @Test
    void searchRowsHaveOneFieldPerColumn() {
        SearchDataset data = new SearchDataset(42, 50, 9);
        StringBuilder sb = new StringBuilder();
        data.appendRun(3, sb);
        assertFields(sb, SearchDataset.RUN_COLUMNS);
        assertTrue(sb.toString().endsWith("\tactive\tmlflow-artifacts:/42/" + data.runId(3) + "/artifacts"));
        for (int k = 0; k < SearchDataset.PARAMS; k++) {
            sb.setLength(0);
            data.appendParam(3, k, sb);
            assertFields(sb, SearchDataset.PARAM_COLUMNS);
            assertEquals("v" + data.paramValue(3, k), sb.toString().split("\t")[2]);
        }
        for (int k = 0; k < SearchDataset.TAGS; k++) {
            sb.setLength(0);
            data.appendTag(3, k, sb);
            assertFields(sb, SearchDataset.TAG_COLUMNS);
        }
        for (int k = 0; k < SearchDataset.METRICS; k++) {
            sb.setLength(0);
            data.appendMetric(3, k, sb);
            assertFields(sb, SearchDataset.METRIC_COLUMNS);
            assertEquals(data.metric(3, k), Double.parseDouble(sb.toString().split("\t")[2]));
        }
    }

    @Test
    void searchDataIsRepeatableAndStartTimesDistinct() {
        SearchDataset a = new SearchDataset(1, 100, 5);
        SearchDataset b = new SearchDataset(1, 100, 5);
        assertEquals(a.runId(99), b.runId(99));
        assertEquals(a.metric(50, 3), b.metric(50, 3));
        assertNotEquals(SearchDataset.startTime(1), SearchDataset.startTime(2));
    }

    @Test
    void searchBodyIsTheMlflowRequestAndRunIdsAreReadBack() {
        SearchBenchmark.Case c = new SearchBenchmark.Case("n", "l", "params.p1 = 'v7'", List.of("metrics.m1 DESC"), i -> true);
        assertEquals("{\"experiment_ids\":[\"5\"],\"filter\":\"params.p1 = 'v7'\",\"order_by\":[\"metrics.m1 DESC\"],\"max_results\":100}",
                new String(SearchBenchmark.body(5, c), StandardCharsets.UTF_8));
        String a = "0123456789abcdef0123456789abcdef";
        String b = "fedcba9876543210fedcba9876543210";
        assertEquals(List.of(a, b), SearchBenchmark.idsIn("{\"runs\":[{\"info\":{\"run_id\":\"" + a + "\",\"run_uuid\":\"" + a
                + "\"}},{\"info\":{\"run_id\": \"" + b + "\"}}]}"));
    }

    private static void assertFields(StringBuilder row, String columns) {
        String text = row.toString();
        assertTrue(!text.contains("\n") && !text.contains("\\"), text);
        assertEquals(columns.split(",").length, text.split("\t", -1).length, text);
    }
}
