package org.rolematch.bench.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Zipf distribution over ranks {@code 0..n-1}: rank {@code r} has probability proportional to
 * {@code 1 / (r + 1)^s}. Sampled by binary search in the cumulative table. Immutable.
 */
final class Zipf {
  private final double[] cdf;

  Zipf(int n, double s) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    cdf = new double[n];
    double sum = 0;
    for (int r = 0; r < n; r++) {
      sum += 1.0 / Math.pow(r + 1, s);
      cdf[r] = sum;
    }
    for (int r = 0; r < n; r++) {
      cdf[r] /= sum;
    }
    cdf[n - 1] = 1.0;
  }

  int size() {
    return cdf.length;
  }

  /** Probability of rank {@code r}. */
  double p(int r) {
    return r == 0 ? cdf[0] : cdf[r] - cdf[r - 1];
  }

  int sample(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    int i = Arrays.binarySearch(cdf, u);
    return i >= 0 ? i : Math.min(-i - 1, cdf.length - 1);
  }
}
