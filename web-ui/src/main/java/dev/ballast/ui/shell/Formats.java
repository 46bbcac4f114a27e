package dev.ballast.ui.shell;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages write times and numbers, available to every template as {@code fmt}: times in UTC
 * (replicas and reviewers may sit in different zones; the API speaks epoch milliseconds), numbers
 * with up to six significant digits, NaN and infinities spelled out instead of breaking a layout.
 */
public final class Formats {
    public static final Formats INSTANCE = new Formats();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** Epoch milliseconds as a UTC time; empty for null or 0 (MLflow's "never recorded"). */
    public String time(Long epochMillis) {
        return epochMillis == null || epochMillis == 0 ? "" : TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** A number for people: up to 6 significant digits, no exponent for everyday magnitudes. */
    public String number(Double value) {
        if (value == null) {
            return "";
        }
        if (value.isNaN()) {
            return "NaN";
        }
        if (value.isInfinite()) {
            return value > 0 ? "∞" : "−∞";
        }
        double abs = Math.abs(value);
        if (value == Math.rint(value) && abs < 1e15) {
            return String.format(Locale.ROOT, "%d", value.longValue());
        }
        if (abs != 0 && (abs < 1e-4 || abs >= 1e9)) {
            return String.format(Locale.ROOT, "%.5e", value);
        }
        String text = new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        return text;
    }

    /** Milliseconds as a short duration (e.g. {@code 3.2 s}, {@code 4 min 10 s}). */
    public String duration(Long millis) {
        if (millis == null || millis < 0) {
            return "";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }

    /** A byte count in B, KiB, MiB or GiB. */
    public String bytes(Long bytes) {
        if (bytes == null) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
