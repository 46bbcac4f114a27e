package dev.ballast.tracking.domain.search;

/** The kinds of thing a search identifier can name; each compiles to SQL in its own way. */
public enum FieldKind {
    /** The latest value of a run's metric ({@code latest_metrics}). */
    METRIC("metric"),
    /** A run's param ({@code params}). */
    PARAM("param"),
    /** A run's or an experiment's tag ({@code tags}, {@code experiment_tags}). */
    TAG("tag"),
    /** A column of the searched row itself ({@code runs} or {@code experiments}). */
    ATTRIBUTE("attribute"),
    /** A column of the datasets logged as a run's inputs ({@code run_inputs}). */
    DATASET("dataset");

    private final String label;

    FieldKind(String label) {
        this.label = label;
    }

    /** The word used for this kind in error messages. */
    String label() {
        return label;
    }
}
