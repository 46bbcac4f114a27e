package dev.ballast.drift.domain;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The statistic on sorted input is commons-math's, bit for bit, with and without ties. */
class KsStatisticTest {

    @Test
    void equalsCommonsMathOnRandomAndTiedSamples() {
        KolmogorovSmirnovTest commons = new KolmogorovSmirnovTest();
        Random r = new Random(7);
        for (int round = 0; round < 300; round++) {
            int n = 2 + r.nextInt(400);
            int m = 2 + r.nextInt(400);
            int levels = 1 + r.nextInt(round % 2 == 0 ? 10 : 1_000_000);
            double[] x = new double[n];
            double[] y = new double[m];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextInt(levels) * 0.5;
            }
            for (int i = 0; i < m; i++) {
                y[i] = r.nextInt(levels) * 0.5 + (round % 3 == 0 ? 1 : 0);
            }
            double expected = commons.kolmogorovSmirnovStatistic(x, y);
            Arrays.sort(x);
            Arrays.sort(y);
            assertEquals(expected, KsStatistic.ofSorted(x, y), 0.0);
        }
    }

    @Test
    void signedZerosAndExtremesCountAsCommonsMathCountsThem() {
        KolmogorovSmirnovTest commons = new KolmogorovSmirnovTest();
        double[] pool = {-0.0, 0.0, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1, -1};
        Random r = new Random(5);
        for (int round = 0; round < 500; round++) {
            double[] x = new double[2 + r.nextInt(30)];
            double[] y = new double[2 + r.nextInt(30)];
            for (int i = 0; i < x.length; i++) {
                x[i] = pool[r.nextInt(round % 2 == 0 ? 4 : pool.length)];
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = pool[r.nextInt(round % 2 == 0 ? 4 : pool.length)];
            }
            double expected = commons.kolmogorovSmirnovStatistic(x, y);
            Arrays.sort(x);
            Arrays.sort(y);
            assertEquals(expected, KsStatistic.ofSorted(x, y), 0.0, Arrays.toString(x) + " vs " + Arrays.toString(y));
        }
    }
}
