package dev.ballast.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads which registered model a request path addresses under {@code /serving/}, so that an API
 * token limited to one model can be held to that model's serving endpoints.
 *
 * <p>The serving routes are {@code GET /serving/{model}}, {@code POST /serving/{model}/predict},
 * {@code POST /serving/{model}@{alias}/predict}, {@code POST /serving/{model}/versions/{v}/predict}
 * and {@code POST /serving/{model}/invocations}; the model name is one percent-encoded segment.
 * This class works on the <em>raw</em> path and decodes each segment itself, because that is
 * what Micronaut's router does: it matches the raw text and decodes path variables afterwards.
 * Comparing a decoded whole path instead would let {@code %2F} turn into a segment boundary the
 * router never sees (or the reverse). Every segment must decode cleanly and must not be empty
 * ({@code //}, a trailing {@code /}), a dot-segment ({@code .}, {@code ..}, also encoded) or hold
 * an encoded {@code /}, so no normalisation by a proxy can make a permitted path reach elsewhere.
 *
 * <p>The alias form is read where it is unambiguous only: a literal {@code @} (the router never
 * splits at {@code %40}) is allowed once, in a {@code .../predict} path, and names the model
 * before it. An encoded {@code @} in a {@code /predict} path and a literal {@code @} on any other
 * serving path are refused, because a server that splits the decoded segment, or a later alias
 * route for another endpoint, would read a different model than this check. A model whose own
 * name contains {@code @} is therefore reachable by a scoped token through
 * {@code /versions/{v}/predict}, {@code /invocations} and {@code GET}, not through aliases.
 */
public final class ServingPaths {
    private static final String PREFIX = "/serving/";
    private static final List<String> PREDICT = List.of("predict");

    private ServingPaths() {
    }

    /**
     * The model that {@code rawPath} (as sent, not decoded) unambiguously addresses under
     * {@code /serving/}, or empty when it is not such a path.
     */
    public static Optional<String> modelOf(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] raw = rawPath.substring(1).split("/", -1);
        List<String> decoded = new ArrayList<>(raw.length);
        for (String segment : raw) {
            Optional<String> d = PathSegmentDecoder.decode(segment);
            if (d.isEmpty() || !plain(d.get())) {
                return Optional.empty();
            }
            decoded.add(d.get());
        }
        String rawModel = raw[1];
        String model = decoded.get(1);
        boolean predict = decoded.subList(2, decoded.size()).equals(PREDICT);
        if (rawModel.indexOf('@') >= 0) {
            return predict ? aliasTarget(rawModel, model) : Optional.empty();
        }
        if (predict && model.indexOf('@') >= 0) {
            return Optional.empty();
        }
        return Optional.of(model);
    }

    /** True when the token scope {@code model} permits calling {@code rawPath}. */
    public static boolean permits(String rawPath, String model) {
        return modelOf(rawPath).filter(model::equals).isPresent();
    }

    /** {@code <model>@<alias>}: exactly one {@code @}, literal, with a non-empty model and alias. */
    private static Optional<String> aliasTarget(String rawSegment, String decodedSegment) {
        int at = rawSegment.indexOf('@');
        if (at != rawSegment.lastIndexOf('@') || decodedSegment.indexOf('@') != decodedSegment.lastIndexOf('@')
                || at == 0 || at == rawSegment.length() - 1) {
            return Optional.empty();
        }
        return PathSegmentDecoder.decode(rawSegment.substring(0, at));
    }

    private static boolean plain(String segment) {
        return !segment.isEmpty() && !segment.equals(".") && !segment.equals("..") && segment.indexOf('/') < 0;
    }
}
