package dev.ballast.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {
    private static final MachineInfo MACHINE = new MachineInfo(2, "Some CPU", "8.0 GiB", "OpenJDK 17", "Linux 6 amd64",
            "PostgreSQL 15.20", "fsync=on", "abc1234");
    private static final List<Figure> FIGURES = List.of(
            new Figure("log-batch", "120,000 points/s", "250,000 rows/s (COPY)", "48% of baseline", ">= 100k points/s",
                    Figure.Verdict.PASS),
            new Figure("search | piped", "250 ms / 300 ms", "20 ms / 25 ms (SQL)", "12.5x baseline", "p50 < 200 ms", Figure.Verdict.FAIL),
            Figure.info("get-history", "1 points/s", "2 rows/s", "50% of baseline"));

    @Test
    void tableAlignsColumnsUnderAHeader() {
        String[] lines = Report.table(FIGURES).split("\n");
        assertEquals(5, lines.length);
        assertTrue(lines[0].startsWith("Measure"));
        assertTrue(lines[1].matches("-+"));
        int resultColumn = lines[0].indexOf("Result");
        assertEquals("PASS", lines[2].substring(resultColumn));
        assertEquals("FAIL", lines[3].substring(resultColumn));
        assertEquals("-", lines[4].substring(resultColumn));
    }

    @Test
    void markdownSectionHasTheMachineEveryFigureAndTheNotes() {
        String md = Report.markdownSection("2024-06-11 10:00 UTC", MACHINE, List.of("Sizes: small"), FIGURES, List.of("a note"));
        assertTrue(md.contains("\n## 2024-06-11 10:00 UTC"));
        assertTrue(md.contains("- Machine: 2 cores (Some CPU), 8.0 GiB memory"));
        assertTrue(md.contains("- PostgreSQL: PostgreSQL 15.20"));
        assertTrue(md.contains("- Sizes: small"));
        assertTrue(md.contains("| log-batch | 120,000 points/s | 250,000 rows/s (COPY) | 48% of baseline | >= 100k points/s | PASS |"));
        assertTrue(md.contains("| search \\| piped |"), "pipes inside cells are escaped");
        assertTrue(md.contains("- a note"));
    }

    @Test
    void appendWritesTheHeaderOnlyIntoANewFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("BENCHMARKS.md");
        Report.append(file, "\n## first\n");
        Report.append(file, "\n## second\n");
        String text = Files.readString(file);
        assertTrue(text.startsWith("# Benchmarks\n"));
        assertEquals(text.indexOf("# Benchmarks"), text.lastIndexOf("# Benchmarks"));
        assertTrue(text.indexOf("## first") < text.indexOf("## second"));
        assertTrue(text.contains("./ballast bench"));
    }
}
