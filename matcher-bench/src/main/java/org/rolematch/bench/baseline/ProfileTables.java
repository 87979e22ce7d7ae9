package org.rolematch.bench.baseline;

import java.util.Arrays;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Skill;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledProfile;
import org.rolematch.score.ConceptGraph;

/**
 * One profile as dense per-concept lookup tables, filled once per query so that the exhaustive
 * scan answers every clause question with an array load instead of a binary search: the relation
 * of each concept to the profile (held or below a held one, sibling, broader, none), the years
 * stated for it, whether each field of study is met or related by a degree, and the places.
 * Reusable; not thread-safe.
 */
final class ProfileTables {
  static final byte NONE = 0;
  static final byte BROAD = 1;
  static final byte SIB = 2;
  static final byte FULL = 3;

  final byte[] rel;
  final double[] years;
  final boolean[] fieldFull;
  final boolean[] fieldRel;
  final boolean[] place;
  final double[] degreeCredit = new double[org.rolematch.score.CompiledRole.DEGREE_SIGNATURES];
  boolean anyFieldKnown; // a degree with a field the taxonomy knows
  boolean anyFieldNone; // a degree with no field stated
  CompiledProfile p;

  private final ConceptGraph g;
  private final ClauseEvaluator eval;
  private final boolean[] upBits;
  private final boolean[] parBits;
  private final boolean[] ownBits;

  ProfileTables(ClauseEvaluator eval) {
    this.eval = eval;
    this.g = eval.graph();
    int t = g.size();
    rel = new byte[t];
    years = new double[t];
    fieldFull = new boolean[t];
    fieldRel = new boolean[t];
    place = new boolean[t];
    upBits = new boolean[t];
    parBits = new boolean[t];
    ownBits = new boolean[t];
  }

  /**
   * Fills the tables for a profile; {@code sigs} are the degree signatures and {@code fieldsUsed}
   * the field concepts of the scanned roles, the only ones precomputed.
   */
  void fill(CandidateProfile profile, CompiledProfile cp, int[] sigs, int[] fieldsUsed) {
    this.p = cp;
    int t = g.size();
    Arrays.fill(upBits, false);
    Arrays.fill(parBits, false);
    Arrays.fill(ownBits, false);
    Arrays.fill(place, false);
    Arrays.fill(years, 0);
    for (int i = 0; i < cp.upCount(); i++) {
      upBits[cp.up(i)] = true;
    }
    for (int i = 0; i < cp.parentCount(); i++) {
      parBits[cp.parent(i)] = true;
    }
    for (int i = 0; i < cp.ownCount(); i++) {
      ownBits[cp.own(i)] = true;
    }
    double sib = eval.policy().siblingCredit();
    double broad = eval.policy().broaderCredit();
    for (int c = 0; c < t; c++) {
      if (upBits[c]) {
        rel[c] = FULL;
        continue;
      }
      boolean isSib = false;
      boolean isBroad = false;
      for (int q : g.parents(c)) {
        isSib |= parBits[q];
        isBroad |= ownBits[q];
      }
      rel[c] = isSib && (sib >= broad || !isBroad) ? SIB : isBroad ? BROAD : NONE;
    }
    // years of a held concept: those of the first own concept (by ordinal) whose closure holds it
    int nOwn = cp.ownCount();
    double[] ownYears = new double[nOwn];
    for (Skill s : profile.skills()) {
      int o = g.ordinal(s.concept());
      if (o >= 0) {
        int i = Arrays.binarySearch(ownOrdinals(cp), o);
        if (i >= 0) {
          ownYears[i] = Math.max(ownYears[i], s.years());
        }
      }
    }
    boolean[] done = new boolean[t];
    for (int i = 0; i < nOwn; i++) {
      int o = cp.own(i);
      if (!done[o]) {
        done[o] = true;
        years[o] = ownYears[i];
      }
      for (int a : g.ancestors(o)) {
        if (!done[a]) {
          done[a] = true;
          years[a] = ownYears[i];
        }
      }
    }
    // fields
    Arrays.fill(fieldFull, false);
    Arrays.fill(fieldRel, false);
    anyFieldKnown = false;
    anyFieldNone = false;
    for (int d = 0; d < cp.degreeCount(); d++) {
      int f = cp.degreeField(d);
      if (f == -2) {
        anyFieldNone = true;
      }
      if (f < 0) {
        continue;
      }
      anyFieldKnown = true;
      fieldFull[f] = true;
      for (int a : g.ancestors(f)) {
        fieldFull[a] = true;
      }
      for (int c : fieldsUsed) {
        if (!fieldRel[c] && g.related(f, c)) {
          fieldRel[c] = true;
        }
      }
    }
    for (int i = 0; i < cp.placeCount(); i++) {
      place[cp.place(i)] = true;
    }
    for (int sig : sigs) {
      degreeCredit[sig] = eval.degreeCredit((sig & 7) - 1, ((sig >>> 3) & 3) - 1,
          (sig >>> 5) & 31, (sig & (1 << 10)) != 0, cp);
    }
  }

  private int[] ownScratch = new int[0];

  private int[] ownOrdinals(CompiledProfile cp) {
    int n = cp.ownCount();
    if (ownScratch.length != n) {
      ownScratch = new int[n];
    }
    for (int i = 0; i < n; i++) {
      ownScratch[i] = cp.own(i);
    }
    return ownScratch;
  }
}
