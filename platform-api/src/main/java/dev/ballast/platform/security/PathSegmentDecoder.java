package dev.ballast.platform.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Percent-decodes one raw URL path segment strictly (RFC 3986): {@code %XX} with two hex digits,
 * UTF-8 that must be well-formed, and {@code +} left as a plus (it means space only in form
 * bodies and query strings). Anything malformed is answered empty rather than guessed at, so a
 * security check never compares against a different string than the router would.
 */
final class PathSegmentDecoder {

    private PathSegmentDecoder() {
    }

    static Optional<String> decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return Optional.of(raw);
        }
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != '%') {
                out.put(b);
                continue;
            }
            if (i + 2 >= bytes.length) {
                return Optional.empty();
            }
            int hi = Character.digit(bytes[i + 1], 16);
            int lo = Character.digit(bytes[i + 2], 16);
            if (hi < 0 || lo < 0) {
                return Optional.empty();
            }
            out.put((byte) (hi << 4 | lo));
            i += 2;
        }
        out.flip();
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(out).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
