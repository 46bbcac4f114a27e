package dev.ballast.drift.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the golden files written by {@code src/test/resources/golden/generate_golden.py} and reproduces its generated
 * samples bit for bit (SplitMix64, then additions and multiplications only).
 */
final class Golden {
    private Golden() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String resource) throws IOException {
        try (InputStream in = Golden.class.getResourceAsStream(resource);
             JsonParser p = JsonFactory.builder().build().createParser(in)) {
            p.nextToken();
            return (Map<String, Object>) value(p);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + t);
        }
    }

    /** A side of a case: inline values, or a generator spec whose output must match the recorded SHA-256. */
    @SuppressWarnings("unchecked")
    static double[] sample(Object side) {
        if (side instanceof List<?> list) {
            return list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        }
        Map<String, Object> spec = (Map<String, Object>) side;
        double[] values = generate(spec);
        String sha = sha256(values);
        if (!sha.equals(spec.get("sha256"))) {
            throw new AssertionError("generated sample differs from the one SciPy saw: " + spec);
        }
        return values;
    }

    static double[] generate(Map<String, Object> spec) {
        long state = ((Number) spec.get("seed")).longValue();
        int n = ((Number) spec.get("n")).intValue();
        String kind = (String) spec.get("kind");
        double loc = ((Number) spec.getOrDefault("loc", 0.0)).doubleValue();
        double scale = ((Number) spec.getOrDefault("scale", 1.0)).doubleValue();
        double[] out = new double[n];
        long[] s = {state};
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case "normal" -> {
                    double sum = 0.0;
                    for (int k = 0; k < 12; k++) {
                        sum += uniform(s);
                    }
                    out[i] = loc + scale * (sum - 6.0);
                }
                case "uniform" -> out[i] = loc + scale * uniform(s);
                case "discrete" -> out[i] = loc + Math.floor(uniform(s) * ((Number) spec.get("levels")).doubleValue());
                default -> throw new IllegalArgumentException(kind);
            }
        }
        return out;
    }

    private static double uniform(long[] state) {
        state[0] += 0x9E3779B97F4A7C15L;
        long z = state[0];
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    private static String sha256(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
