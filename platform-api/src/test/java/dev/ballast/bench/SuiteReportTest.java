package dev.ballast.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteReportTest {
    private static final MachineInfo MACHINE = new MachineInfo(2, "Some CPU", "8.0 GiB", "OpenJDK 17", "Linux 6 amd64",
            "PostgreSQL 15.20", "fsync=on", "abc1234");

    private static String section(String title, Figure... figures) {
        return Report.markdownSection(title, "2026-11-23 10:00 UTC", MACHINE, List.of("Sizes: small"), List.of(figures),
                List.of("a note"));
    }

    @Test
    void summaryListsEveryFigureWithATargetAndCountsVerdicts() {
        String tracking = section("tracking API on PostgreSQL",
                new Figure("log-batch", "98,000 points/s", "310,000 rows/s (COPY)", "32% of baseline", ">= 40% of baseline",
                        Figure.Verdict.FAIL),
                new Figure("search a | b", "70 ms / 80 ms", "60 ms / 70 ms (SQL)", "1.1x baseline", "p50 < 200 ms", Figure.Verdict.PASS),
                Figure.info("get-history", "1 points/s", "2 rows/s", "50% of baseline"));
        String drift = section("drift statistics",
                new Figure("KS 1M vs 1M", "70 ms", "218 ms (sort)", "0.3x baseline", "< 1 s", Figure.Verdict.PASS));

        String md = SuiteReport.render("2026-11-23 12:00 UTC", "", List.of(
                new SuiteReport.Outcome("tracking", tracking, 0, 150, ""),
                new SuiteReport.Outcome("drift", drift, 0, 30, "")));

        assertTrue(md.startsWith("# Benchmarks\n"));
        assertTrue(md.contains("Machine: 2 cores (Some CPU), 8.0 GiB memory, Linux 6 amd64."));
        assertTrue(md.contains("| tracking | log-batch | 98,000 points/s | 310,000 rows/s (COPY) | 32% of baseline | >= 40% of baseline | FAIL |"));
        assertTrue(md.contains("| tracking | search a \\| b | 70 ms / 80 ms |"), "escaped pipes stay escaped");
        assertTrue(md.contains("| drift | KS 1M vs 1M | 70 ms | 218 ms (sort) | 0.3x baseline | < 1 s | PASS |"));
        assertFalse(md.contains("| tracking | get-history"), "figures without a target stay in their block only");
        assertTrue(md.contains("| datasets | not run yet |"));
        assertTrue(md.contains("2 targets met, 1 missed, 4 not measured."));
        assertTrue(md.contains("<!-- bench:tracking -->\n## MLflow tracking API"));
        assertTrue(md.contains("### 2026-11-23 10:00 UTC - tracking API on PostgreSQL"), "the section heading goes one level down");
        assertTrue(md.indexOf("<!-- bench:tracking -->") < md.indexOf("<!-- bench:drift -->"), "blocks in suite order");
    }

    @Test
    void aPartialRunReplacesOnlyItsBlocks() {
        String first = SuiteReport.render("day 1", "", List.of(
                new SuiteReport.Outcome("tracking", section("tracking old",
                        new Figure("m", "1", "2", "50%", "t", Figure.Verdict.PASS)), 0, 60, ""),
                new SuiteReport.Outcome("drift", section("drift old",
                        new Figure("ks", "1", "2", "50%", "t", Figure.Verdict.PASS)), 0, 60, "")));
        String second = SuiteReport.render("day 2", first, List.of(
                new SuiteReport.Outcome("drift", section("drift new",
                        new Figure("ks", "3", "4", "75%", "t", Figure.Verdict.FAIL)), 0, 60, "")));

        assertTrue(second.contains("tracking old"));
        assertFalse(second.contains("drift old"));
        assertTrue(second.contains("drift new"));
        assertTrue(second.contains("| drift | ks | 3 | 4 | 75% | t | FAIL |"));
        assertEquals(1, second.split("<!-- bench:drift -->", -1).length - 1, "one block per benchmark");
        assertTrue(second.contains("Last written day 2"));
    }

    @Test
    void aBenchmarkThatDidNotFinishSaysSoWithItsLog() {
        String md = SuiteReport.render("day", "", List.of(
                new SuiteReport.Outcome("serving", null, 2, 5, "line 1\n[bench] PostgreSQL is unreachable\n")));
        assertTrue(md.contains("| serving | did not finish (see its block) |"));
        assertTrue(md.contains("**Did not finish** (exit status 2)"));
        assertTrue(md.contains("[bench] PostgreSQL is unreachable"));
    }

    @Test
    void theFileHeaderABenchmarkWroteIntoItsNewReportIsLeftOut() {
        String written = Report.FILE_HEADER + section("drift statistics",
                new Figure("ks", "1", "2", "50%", "t", Figure.Verdict.PASS));
        String md = SuiteReport.render("day", "", List.of(new SuiteReport.Outcome("drift", written, 0, 15, "")));
        assertEquals(1, md.split("# Benchmarks\n", -1).length - 1, "one file header");
        assertTrue(md.contains("`bench/drift.sh`, 15 s in the last `./ballast bench`.\n\n### day"
                .replace("day", "2026-11-23 10:00 UTC - drift statistics")));
    }

    @Test
    void cellsKeepEscapedPipes() {
        assertArrayEquals(new String[] {"a \\| b", "c", "-"}, SuiteReport.cells("| a \\| b | c | - |"));
    }
}
