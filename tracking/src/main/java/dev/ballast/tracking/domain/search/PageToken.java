package dev.ballast.tracking.domain.search;

import dev.ballast.core.error.BallastException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opaque {@code page_token} of MLflow's paged searches: the offset of the next page.
 *
 * <p>It holds an offset rather than a cursor so that it stays valid when the client changes
 * {@code max_results} between pages, as MLflow's own tokens do. The format,
 * base64url of {@code {"offset":123}}, mirrors MLflow's; decoding also accepts MLflow's standard
 * base64 alphabet and padding or its absence.
 */
public final class PageToken {
    private static final int MAX_TOKEN_LENGTH = 256;
    private static final Pattern JSON = Pattern.compile("\\s*\\{\\s*\"offset\"\\s*:\\s*(\\d{1,18})\\s*}\\s*");

    private PageToken() {
    }

    /** The token of the page that starts at {@code offset} (which must be non-negative). */
    public static String encode(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + offset);
        }
        String json = "{\"offset\":" + offset + "}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token stands for; null or empty means the first page (0). */
    public static long decode(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid("it is too long");
        }
        byte[] bytes;
        try {
            String url = token.trim().replace('+', '-').replace('/', '_');
            while (url.endsWith("=")) {
                url = url.substring(0, url.length() - 1);
            }
            bytes = Base64.getUrlDecoder().decode(url);
        } catch (IllegalArgumentException e) {
            throw invalid("could not base64-decode it");
        }
        String json = new String(bytes, StandardCharsets.UTF_8);
        Matcher m = JSON.matcher(json);
        if (!m.matches()) {
            throw invalid("it does not hold a non-negative offset");
        }
        return Long.parseLong(m.group(1));
    }

    private static BallastException invalid(String why) {
        return BallastException.invalid("Invalid page token: " + why + ".");
    }
}
