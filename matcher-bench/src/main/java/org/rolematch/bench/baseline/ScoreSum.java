package org.rolematch.bench.baseline;

import org.rolematch.score.ClauseEvaluator;

/**
 * A score summed contribution by contribution in clause order, capped at 100 exactly as {@link
 * ClauseEvaluator} caps it (a full match's contributions can add up to 100.00000000000001), so
 * that a hand-written scan reproduces the exact scores bit for bit. One instance per scan,
 * {@link #reset} per candidate: nothing is allocated in the loop.
 */
final class ScoreSum {
  private double sum;
  private double before;
  private double last;

  void reset() {
    sum = 0;
    before = 0;
    last = 0;
  }

  void add(double contribution) {
    if (contribution > 0) {
      before = sum;
      last = contribution;
    }
    sum += contribution;
  }

  double value() {
    return sum > 100.0 ? before + ClauseEvaluator.cappedLast(before, last) : sum;
  }
}
