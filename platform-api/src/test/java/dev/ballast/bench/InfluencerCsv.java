package dev.ballast.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's dataset: the influencer-growth table from the seed documents (one row per
 * account and month: platform, country, audience, activity, engagement, growth), deterministic
 * for a seed, to a target size. Numbers dominate, as in the real table, with a few categorical
 * and one quoted text column so the parser's quoting path is exercised too.
 */
final class InfluencerCsv {
    static final String HEADER = "influencer_id,platform,country,followers,following,posts_30d,engagement_rate,avg_likes,"
            + "avg_comments,growth_30d,verified,bio,followers_next_30d\n";
    private static final String[] PLATFORMS = {"instagram", "tiktok", "youtube", "twitch", "x", "linkedin"};
    private static final String[] COUNTRIES = {"PE", "MX", "CO", "AR", "CL", "ES", "US", "BR", "EC", "UY"};
    private static final String[] BIOS = {"fitness, food", "\"daily\" vlogs", "tech reviews", "travel, photo", "gaming"};

    private InfluencerCsv() {
    }

    /** Writes rows until the file reaches {@code targetBytes}; answers the number of data rows. */
    static long write(Path file, long targetBytes, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long rows = 0;
        long written;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
            out.write(header);
            written = header.length;
            StringBuilder row = new StringBuilder(160);
            while (written < targetBytes) {
                row.setLength(0);
                long followers = (long) Math.exp(6 + random.nextDouble() * 9);
                double engagement = random.nextDouble() * 0.12;
                double growth = (random.nextDouble() - 0.4) * 0.3;
                String bio = BIOS[random.nextInt(BIOS.length)];
                row.append('u').append(String.format(Locale.ROOT, "%08d", rows % 1_000_000)).append(',')
                        .append(PLATFORMS[random.nextInt(PLATFORMS.length)]).append(',')
                        .append(COUNTRIES[random.nextInt(COUNTRIES.length)]).append(',')
                        .append(followers).append(',')
                        .append(random.nextInt(5000)).append(',')
                        .append(random.nextInt(120)).append(',')
                        .append(String.format(Locale.ROOT, "%.6f", engagement)).append(',')
                        .append(String.format(Locale.ROOT, "%.2f", followers * engagement * 0.9)).append(',')
                        .append(String.format(Locale.ROOT, "%.2f", followers * engagement * 0.1)).append(',')
                        .append(String.format(Locale.ROOT, "%.5f", growth)).append(',')
                        .append(random.nextInt(10) == 0).append(',')
                        .append('"').append(bio.replace("\"", "\"\"")).append('"').append(',')
                        .append((long) (followers * (1 + growth))).append('\n');
                byte[] bytes = row.toString().getBytes(StandardCharsets.US_ASCII);
                out.write(bytes);
                written += bytes.length;
                rows++;
            }
        }
        return rows;
    }
}
