package dev.ballast.tracking.domain.dataset.scan;

import java.util.Locale;
import java.util.Optional;

/** The file formats a dataset version may be uploaded in; each has its own parser in {@link DatasetScanner}. */
public enum DatasetFormat {
    /** RFC 4180 comma-separated values with a header line. */
    CSV("csv", "text/csv"),
    /** One JSON object per line (JSON Lines, NDJSON). */
    JSONL("jsonl", "application/x-ndjson");

    private final String extension;
    private final String mediaType;

    DatasetFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The file extension, without the dot: {@code csv} or {@code jsonl}. */
    public String extension() {
        return extension;
    }

    /** The media type to serve the file with. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The format named by a format name, an extension or a file name, case-insensitive: {@code csv}, {@code jsonl},
     * {@code ndjson}, {@code json-lines} (a leading dot or a file name such as {@code data.CSV} is accepted too).
     */
    public static Optional<DatasetFormat> parse(String nameOrExtension) {
        if (nameOrExtension == null) {
            return Optional.empty();
        }
        String s = nameOrExtension.trim().toLowerCase(Locale.ROOT);
        int dot = s.lastIndexOf('.');
        if (dot >= 0) {
            s = s.substring(dot + 1);
        }
        return switch (s) {
            case "csv" -> Optional.of(CSV);
            case "jsonl", "ndjson", "json-lines", "jsonlines" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }
}
