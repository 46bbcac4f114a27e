package dev.ballast.drift.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The radix sort gives {@link Arrays#sort(double[])}'s order bit for bit, without the non-finite values. */
class FiniteSortTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
        Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, Math.nextUp(1.0), Math.nextDown(-1.0), Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.longBitsToDouble(0x7ff8_0000_0000_0001L)};

    @Test
    void keysOrderAsDoubleCompareAndMapBack() {
        for (double a : SPECIAL) {
            if (!Double.isFinite(a)) {
                continue;
            }
            assertEquals(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(FiniteSort.value(FiniteSort.key(a))));
            for (double b : SPECIAL) {
                if (Double.isFinite(b)) {
                    assertEquals(Integer.signum(Double.compare(a, b)), Integer.signum(Long.compareUnsigned(FiniteSort.key(a),
                            FiniteSort.key(b))), a + " vs " + b);
                }
            }
        }
    }

    @Test
    void equalsArraysSortOnLargeSamplesOfEveryShape() {
        SplittableRandom r = new SplittableRandom(11);
        int n = FiniteSort.RADIX_FROM * 5 + 17;
        assertSortsLikeArrays(sample(n, () -> r.nextGaussian()));
        assertSortsLikeArrays(sample(n, () -> -Math.abs(r.nextGaussian()) * 1e-300)); // negative subnormal-ish only
        assertSortsLikeArrays(sample(n, () -> r.nextInt(5) - 2.0)); // heavy ties, +-0 only through arithmetic
        assertSortsLikeArrays(sample(n, () -> r.nextBoolean() ? 0.0 : -0.0));
        assertSortsLikeArrays(sample(n, () -> 42.5)); // every key equal: no pass at all
        assertSortsLikeArrays(sample(n, () -> Double.longBitsToDouble(r.nextLong()))); // every bit pattern, NaNs included
        assertSortsLikeArrays(sample(n, () -> SPECIAL[r.nextInt(SPECIAL.length)]));
        assertSortsLikeArrays(sample(n, () -> r.nextDouble() * 1e6 - 5e5));
    }

    @Test
    void smallSamplesAndEdgeLengths() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {0, 1, 2, FiniteSort.RADIX_FROM - 1, FiniteSort.RADIX_FROM, FiniteSort.RADIX_FROM + 1}) {
            assertSortsLikeArrays(sample(n, () -> SPECIAL[r.nextInt(SPECIAL.length)] * (r.nextBoolean() ? 1 : r.nextGaussian())));
        }
    }

    @Test
    void readsOnlyTheGivenLengthAndDropsEveryNonFiniteValue() {
        double[] values = new double[FiniteSort.RADIX_FROM * 2];
        Arrays.fill(values, Double.NaN);
        assertEquals(0, FiniteSort.sortedFinite(values, values.length).length);
        values[0] = 3;
        values[1] = Double.NEGATIVE_INFINITY;
        values[2] = -0.0;
        values[values.length - 1] = -7; // beyond the length given below
        assertArrayEquals(new double[] {-0.0, 3}, FiniteSort.sortedFinite(values, values.length - 1));
    }

    @Test
    void featureSampleCountsDroppedValuesOnTopOfMissingOnes() {
        double[] values = new double[FiniteSort.RADIX_FROM + 10];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 10 == 0 ? Double.NaN : i % 10 == 1 ? Double.POSITIVE_INFINITY : values.length - i;
        }
        FeatureSample.Numeric s = FeatureSample.Numeric.of(values, values.length, 4);
        long nonFinite = Arrays.stream(values).filter(v -> !Double.isFinite(v)).count();
        assertEquals(values.length - nonFinite, s.size());
        assertEquals(4 + nonFinite, s.dropped());
        assertEquals(1.0, s.sorted()[0]); // the last value, 4106 - 4105
    }

    private static double[] sample(int n, DoubleSupplier next) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = next.getAsDouble();
        }
        return out;
    }

    private static void assertSortsLikeArrays(double[] values) {
        double[] expected = Arrays.stream(values).filter(Double::isFinite).toArray();
        Arrays.sort(expected);
        double[] input = values.clone();
        double[] actual = FiniteSort.sortedFinite(input, input.length);
        assertArrayEquals(values, input, "the input is not changed");
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                throw new AssertionError("at " + i + ": expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }
}
