package dev.ballast.bench;

import java.util.Random;

/**
 * Run ids in the form Ballast writes them (32 lowercase hex characters), drawn from a seeded
 * random source so the data a benchmark loads is the same from one run to the next.
 */
public final class RunIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RunIds() {
    }

    public static String next(Random random) {
        char[] out = new char[32];
        for (int i = 0; i < 32; i += 16) {
            long bits = random.nextLong();
            for (int j = 0; j < 16; j++) {
                out[i + j] = HEX[(int) (bits >>> (4 * j)) & 0xF];
            }
        }
        return new String(out);
    }
}
