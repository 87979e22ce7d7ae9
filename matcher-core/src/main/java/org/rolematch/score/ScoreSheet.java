package org.rolematch.score;

import java.util.Arrays;

/**
 * Per-clause working values of one exact scoring: weights, credits, contributions, statuses and
 * eligibility. Reused across calls so that scoring allocates nothing.
 *
 * <pre>{@code
 * ScoreSheet sheet = new ScoreSheet();          // one per thread, reused
 * double s = evaluator.score(compiledRole, compiledProfile, sheet);
 * boolean ok = sheet.eligible();
 * }</pre>
 *
 * <p>Internal: public only so that {@code org.rolematch.index} can share it. Not thread-safe.
 */
public final class ScoreSheet {
  double[] weights = new double[16];
  double[] credits = new double[16];
  double[] contributions = new double[16];
  MatchStatus[] statuses = new MatchStatus[16];
  boolean[] knockout = new boolean[16];
  boolean eligible;
  double score;
  final Outcome outcome = new Outcome();

  /** A fresh sheet. */
  public ScoreSheet() {}

  void ensure(int n) {
    if (weights.length < n) {
      int cap = Math.max(n, weights.length * 2);
      weights = Arrays.copyOf(weights, cap);
      credits = Arrays.copyOf(credits, cap);
      contributions = Arrays.copyOf(contributions, cap);
      statuses = Arrays.copyOf(statuses, cap);
      knockout = Arrays.copyOf(knockout, cap);
    }
  }

  /** Whether the last scored match is eligible (no failed knock-out). */
  public boolean eligible() {
    return eligible;
  }

  /** The last score. */
  public double score() {
    return score;
  }
}
