package org.rolematch.bench.baseline;

import org.rolematch.model.Kind;
import org.rolematch.score.CompiledRole;

/**
 * What the hand-written exhaustive scans cover: the clause shapes of the synthetic generator. The
 * scorer also judges career-stage clauses and prior-internship clauses that name a field; a scan
 * given one refuses it rather than score it differently from the scorer.
 */
final class BaselineScope {
  private BaselineScope() {}

  static void requireCovered(CompiledRole r, int i) {
    Kind k = r.kind(i);
    if (k == Kind.CAREER_STAGE
        || (k == Kind.PRIOR_INTERNSHIP && r.conceptEnd(i) > r.conceptStart(i))) {
      throw new IllegalArgumentException("role '" + r.id() + "' clause " + (i + 1) + " ("
          + k.wireName() + (k == Kind.PRIOR_INTERNSHIP ? " naming a field" : "")
          + ") is outside what the exhaustive baselines cover (the synthetic generator's"
          + " clause shapes)");
    }
  }
}
