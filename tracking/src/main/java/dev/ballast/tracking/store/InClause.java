package dev.ballast.tracking.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Splits id lists into IN clauses of bounded size (databases cap bind parameters per statement). */
final class InClause {
    static final int CHUNK = 1000;

    private InClause() {
    }

    static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            out.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
        }
        return out;
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
