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
  /** Per clause, its outcome, kept by a scoring that explains (grown as needed). */
  Outcome[] outcomes = new Outcome[0];

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

  /** Room for the outcomes of {@code n} clauses. */
  void ensureOutcomes(int n) {
    if (outcomes.length < n) {
      int had = outcomes.length;
      outcomes = Arrays.copyOf(outcomes, Math.max(n, 2 * had));
      for (int i = had; i < outcomes.length; i++) {
        outcomes[i] = new Outcome();
      }
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
