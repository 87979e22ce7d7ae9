package org.rolematch.eval;

import java.util.Locale;

/**
 * True positives, false positives and false negatives, with precision, recall and F1 computed
 * the way {@code shared/eval/score.py} computes them (an empty prediction against empty gold is
 * perfect; an empty prediction against gold has precision 0).
 *
 * @param tp true positives
 * @param fp false positives
 * @param fn false negatives
 */
public record Prf(int tp, int fp, int fn) {
  public static final Prf ZERO = new Prf(0, 0, 0);

  public Prf {
    if (tp < 0 || fp < 0 || fn < 0) {
      throw new IllegalArgumentException("counts must be >= 0: " + tp + "/" + fp + "/" + fn);
    }
  }

  /** Sum of two counts. */
  public Prf plus(Prf o) {
    return new Prf(tp + o.tp, fp + o.fp, fn + o.fn);
  }

  /** tp / (tp + fp); 1 when nothing was predicted and nothing was missed. */
  public double precision() {
    return tp + fp > 0 ? (double) tp / (tp + fp) : (fn == 0 ? 1.0 : 0.0);
  }

  /** tp / (tp + fn); 1 when there was nothing to find. */
  public double recall() {
    return tp + fn > 0 ? (double) tp / (tp + fn) : 1.0;
  }

  /** Harmonic mean of precision and recall. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }

  /** "P 0.912 R 0.880 F1 0.896 (tp 10 fp 1 fn 2)". */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)",
        precision(), recall(), f1(), tp, fp, fn);
  }
}
