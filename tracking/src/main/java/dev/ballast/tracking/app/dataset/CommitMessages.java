package dev.ballast.tracking.app.dataset;

import dev.ballast.tracking.domain.dataset.DatasetSource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Commit messages of dataset versions. An imported version's provenance is written into its git
 * commit as trailers ({@code Source-Repository:}, {@code Source-Ref:}, {@code Source-Commit:},
 * {@code Source-Path:}), so git alone says where the data came from and recovery can restore it.
 */
final class CommitMessages {
    private static final String REPOSITORY = "Source-Repository";
    private static final String REF = "Source-Ref";
    private static final String COMMIT = "Source-Commit";
    private static final String PATH = "Source-Path";

    private CommitMessages() {
    }

    /** The user's message, then the provenance trailers for a git import. */
    static String compose(String message, DatasetSource source) {
        if (!DatasetSource.GIT.equals(source.type())) {
            return message;
        }
        return message + "\n\n" + REPOSITORY + ": " + oneLine(source.repository()) + "\n" + REF + ": " + oneLine(source.ref()) + "\n"
                + COMMIT + ": " + source.commit() + "\n" + PATH + ": " + oneLine(source.path()) + "\n";
    }

    /** The message and source a commit message records (the inverse of {@link #compose}). */
    static Parsed parse(String full) {
        String text = full.stripTrailing();
        int cut = text.lastIndexOf("\n\n");
        if (cut >= 0) {
            Map<String, String> trailers = new LinkedHashMap<>();
            for (String line : text.substring(cut + 2).split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    trailers.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
            if (trailers.containsKey(COMMIT) && trailers.containsKey(PATH)) {
                return new Parsed(text.substring(0, cut), new DatasetSource(DatasetSource.GIT, trailers.get(REPOSITORY),
                        trailers.get(REF), trailers.get(COMMIT), trailers.get(PATH)));
            }
        }
        return new Parsed(text, DatasetSource.upload());
    }

    record Parsed(String message, DatasetSource source) {
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
