package dev.ballast.tracking.domain;

import dev.ballast.core.error.BallastException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * MLflow's limits and validation rules for what a run may hold, with MLflow's wording, so a
 * client that works against MLflow is refused by Ballast for the same reasons.
 */
public final class TrackingLimits {
    public static final int MAX_METRICS_PER_BATCH = 1000;
    public static final int MAX_PARAMS_PER_BATCH = 100;
    public static final int MAX_TAGS_PER_BATCH = 100;
    public static final int MAX_ENTITIES_PER_BATCH = 1000;
    public static final int MAX_KEY_LENGTH = 250;
    public static final int MAX_PARAM_VALUE_LENGTH = 6000;
    public static final int MAX_TAG_VALUE_LENGTH = 5000;
    public static final int MAX_EXPERIMENT_NAME_LENGTH = 500;
    public static final int MAX_RUN_NAME_LENGTH = 250;
    private static final Pattern KEY = Pattern.compile("^[/\\w.\\- ]*$", Pattern.UNICODE_CHARACTER_CLASS);

    private TrackingLimits() {
    }

    public static String requireKey(String what, String key) {
        if (key == null || key.isEmpty()) {
            throw BallastException.invalid("Missing value for required parameter '" + what + "'.");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw BallastException.invalid("'" + what + "' exceeds the maximum length of " + MAX_KEY_LENGTH + " characters.");
        }
        if (!KEY.matcher(key).matches()) {
            throw BallastException.invalid("Invalid value \"" + key + "\" for parameter '" + what + "' supplied: Names may only contain "
                    + "alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).");
        }
        if (!pathUnique(key)) {
            throw BallastException.invalid("Invalid value \"" + key + "\" for parameter '" + what + "' supplied: Names may be treated "
                    + "as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to \""
                    + normalize(key) + "\"");
        }
        return key;
    }

    public static String requireParamValue(String key, String value) {
        if (value == null) {
            throw BallastException.invalid("Missing value for required parameter 'value' of param '" + key + "'.");
        }
        if (value.length() > MAX_PARAM_VALUE_LENGTH) {
            throw BallastException.invalid("Param value '" + value.substring(0, 20) + "...' had length " + value.length()
                    + ", which exceeded length limit of " + MAX_PARAM_VALUE_LENGTH);
        }
        return value;
    }

    public static String requireTagValue(String key, String value) {
        if (value == null) {
            throw BallastException.invalid("Missing value for required parameter 'value' of tag '" + key + "'.");
        }
        if (value.length() > MAX_TAG_VALUE_LENGTH) {
            throw BallastException.invalid("Tag value '" + value.substring(0, 20) + "...' had length " + value.length()
                    + ", which exceeded length limit of " + MAX_TAG_VALUE_LENGTH);
        }
        return value;
    }

    public static Metric requireTimestamp(Metric m) {
        if (m.timestamp() < 0) {
            throw BallastException.invalid("Metric '" + m.key() + "' has a negative timestamp " + m.timestamp() + "; timestamps must be >= 0.");
        }
        return m;
    }

    public static void requireBatchSizes(int metrics, int params, int tags) {
        if (metrics > MAX_METRICS_PER_BATCH) {
            throw BallastException.invalid("A batch logging request can contain at most " + MAX_METRICS_PER_BATCH + " metrics. Got "
                    + metrics + " metrics. Please split up metrics across multiple requests and try again.");
        }
        if (params > MAX_PARAMS_PER_BATCH) {
            throw BallastException.invalid("A batch logging request can contain at most " + MAX_PARAMS_PER_BATCH + " params. Got "
                    + params + " params. Please split up params across multiple requests and try again.");
        }
        if (tags > MAX_TAGS_PER_BATCH) {
            throw BallastException.invalid("A batch logging request can contain at most " + MAX_TAGS_PER_BATCH + " tags. Got "
                    + tags + " tags. Please split up tags across multiple requests and try again.");
        }
        if (metrics + params + tags > MAX_ENTITIES_PER_BATCH) {
            throw BallastException.invalid("A batch logging request can contain at most " + MAX_ENTITIES_PER_BATCH
                    + " metrics, params and tags in total. Got " + (metrics + params + tags) + ".");
        }
    }

    public static void requireDistinctParamKeys(List<String> keys) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new TreeSet<>();
        for (String k : keys) {
            if (!seen.add(k)) {
                duplicates.add(k);
            }
        }
        if (!duplicates.isEmpty()) {
            throw BallastException.invalid("Duplicate parameter keys have been submitted: " + duplicates
                    + ". Please ensure the request contains only one param value per param key.");
        }
    }

    public static String requireExperimentName(String name) {
        if (name == null || name.isBlank()) {
            throw BallastException.invalid("Invalid experiment name: '" + (name == null ? "" : name) + "'. Missing value for required parameter 'name'.");
        }
        if (name.length() > MAX_EXPERIMENT_NAME_LENGTH) {
            throw BallastException.invalid("Experiment name exceeds the maximum length of " + MAX_EXPERIMENT_NAME_LENGTH + " characters.");
        }
        return name;
    }

    public static String requireRunName(String name) {
        if (name != null && name.length() > MAX_RUN_NAME_LENGTH) {
            throw BallastException.invalid("Run name exceeds the maximum length of " + MAX_RUN_NAME_LENGTH + " characters.");
        }
        return name;
    }

    /** True when the key, read as a relative path, names itself (no "..", ".", "//" or leading "/"). */
    static boolean pathUnique(String key) {
        return normalize(key).equals(key);
    }

    private static String normalize(String key) {
        String trimmed = key;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : trimmed.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
                continue;
            }
            parts.addLast(part);
        }
        String joined = String.join("/", parts);
        return joined.isEmpty() ? "." : joined;
    }
}
