package org.rolematch.index;

import java.util.Arrays;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledProfile;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.ConceptGraph;
import org.rolematch.score.ScoringPolicy;

/**
 * A profile as (key, credit) pairs over the {@link RoleSegment} key layout, in decreasing credit
 * order: the best credit each key can give a clause posted under it.
 */
final class ProfileKeys {
  /** Segments searched from a heavy level, and with heavy keys but from no level (tests). */
  static final java.util.concurrent.atomic.LongAdder LEVELLED =
      new java.util.concurrent.atomic.LongAdder();
  static final java.util.concurrent.atomic.LongAdder UNLEVELLED =
      new java.util.concurrent.atomic.LongAdder();

  private final int[] keys;
  private final double[] credits;
  private final int n;
  /** Keys {@code [0, n1)} have credit 1 (in ascending key order). */
  private final int n1;
  private final CompiledProfile profile;

  private ProfileKeys(int[] keys, double[] credits, int n, int n1, CompiledProfile profile) {
    this.keys = keys;
    this.credits = credits;
    this.n = n;
    this.n1 = n1;
    this.profile = profile;
  }

  static ProfileKeys of(CompiledProfile p, ClauseEvaluator eval, RoleSegment.Keys k,
      RoleIndex.Scratch sc, RoleSegment[] segs) {
    ScoringPolicy pol = eval.policy();
    ConceptGraph g = eval.graph();
    if (sc.creditByKey.length < k.fixed) {
      sc.creditByKey = new double[k.fixed];
    }
    double[] cr = sc.creditByKey;
    int[] touched = sc.touched; // pooled: grown as needed, kept for the next search
    int nt = 0;
    // concepts (closed under ancestors)
    for (int i = 0; i < p.upCount(); i++) {
      nt = put(cr, touched, nt, p.up(i), 1.0);
      touched = grow(touched, nt);
    }
    // parents (sibling and broader credit) are not keys: RoleSegment bounds them statically
    // fields
    boolean known = false;
    boolean empty = false;
    for (int d = 0; d < p.degreeCount(); d++) {
      int f = p.degreeField(d);
      if (f >= 0) {
        known = true;
        touched = grow(touched, nt + g.ancestors(f).length + 1);
        nt = put(cr, touched, nt, k.field + f, 1.0);
        for (int a : g.ancestors(f)) {
          nt = put(cr, touched, nt, k.field + a, 1.0);
        }
      } else if (f == -2) {
        empty = true;
      }
    }
    touched = grow(touched, nt + 16);
    double unk = pol.unknownCredit();
    double marked = Math.max(known ? pol.relatedFieldCredit() : 0, empty ? unk : 0);
    double unmarked = Math.max(known ? pol.unlistedRelatedFieldCredit() : 0, empty ? unk : 0);
    nt = put(cr, touched, nt, k.fieldRelMarked, marked);
    nt = put(cr, touched, nt, k.fieldRelUnmarked, unmarked);
    // places
    for (int i = 0; i < p.placeCount(); i++) {
      touched = grow(touched, nt);
      nt = put(cr, touched, nt, k.loc + p.place(i), 1.0);
    }
    for (int i = 0; i < p.placeParentCount(); i++) {
      touched = grow(touched, nt);
      nt = put(cr, touched, nt, k.locParent + p.placeParent(i), pol.nearbyPlaceCredit());
    }
    touched = grow(touched, nt + 8 + CompiledRole.DEGREE_SIGNATURES + RoleSegment.MAX_YEARS_KEY);
    if (!p.hasLocation() && !p.hasAuthorization()) {
      nt = put(cr, touched, nt, k.locSilent, unk);
    }
    if (!p.hasAuthorization()) {
      nt = put(cr, touched, nt, k.authSilent, unk);
    } else {
      nt = put(cr, touched, nt, k.authAny, 1.0);
    }
    if (p.publications() > 0) {
      nt = put(cr, touched, nt, k.pub, 1.0);
    }
    if (p.internships() > 0) {
      nt = put(cr, touched, nt, k.intern, 1.0);
    }
    // years
    for (int m = 0; m <= RoleSegment.MAX_YEARS_KEY; m++) {
      double c = m == 0 ? 1.0 : Math.min(1.0, p.years() / m);
      nt = put(cr, touched, nt, k.years + m, c);
    }
    // degree signatures present in the segments, with their exact credit
    for (RoleSegment seg : segs) {
      for (int sig : seg.degreeSigs) {
        int minDeg = (sig & 7) - 1;
        int status = ((sig >>> 3) & 3) - 1;
        int mask = (sig >>> 5) & 31;
        boolean eq = (sig >>> 10) != 0;
        touched = grow(touched, nt);
        nt = put(cr, touched, nt, k.degree + sig, eval.degreeCredit(minDeg, status, mask, eq, p));
      }
    }
    // order by credit, descending
    long[] codes = sc.codes.length >= nt ? sc.codes : (sc.codes = new long[nt]);
    int m = 0;
    for (int i = 0; i < nt; i++) {
      int key = touched[i];
      double c = cr[key];
      if (c > 0) {
        long q = 2_000_000_000L - (long) (c * 1_000_000_000L);
        codes[m++] = (q << 32) | key;
      }
    }
    Arrays.sort(codes, 0, m);
    int[] keys = new int[m];
    double[] credits = new double[m];
    int n1 = 0;
    for (int i = 0; i < m; i++) {
      keys[i] = (int) codes[i];
      credits[i] = cr[keys[i]];
      if (credits[i] >= 1.0) {
        n1 = i + 1; // credits never exceed 1: the credit-1 keys are a prefix, key-ascending
      }
    }
    for (int i = 0; i < nt; i++) {
      cr[touched[i]] = 0;
    }
    sc.touched = touched;
    return new ProfileKeys(keys, credits, m, n1, p);
  }

  private static int[] grow(int[] a, int need) {
    return a.length > need + 1 ? a : Arrays.copyOf(a, Math.max(a.length * 2, need + 2));
  }

  private static int put(double[] cr, int[] touched, int nt, int key, double c) {
    if (cr[key] == 0) {
      if (c <= 0) {
        return nt;
      }
      touched[nt++] = key;
      cr[key] = c;
    } else if (c > cr[key]) {
      cr[key] = c;
    }
    return nt;
  }

  /** The highest heavy level of the segment whose keys this profile all holds at credit 1. */
  private int level(RoleSegment seg) {
    int levels = seg.levelStatic.length;
    int held = 0;
    while (held < 4 * levels && Arrays.binarySearch(keys, 0, n1, seg.heavy[held]) >= 0) {
      held++;
    }
    return held / 4;
  }

  /**
   * Adds this profile's bound contributions for one segment into {@code acc[base + doc]}, after
   * resetting that range to the segment's static credit (with the credit-1 contributions of the
   * heavy keys already in, when the profile holds all of a level's keys: their postings, the
   * longest of the segment, are then skipped).
   */
  void accumulate(RoleSegment seg, int base, float[] acc, long[] mask, ClauseEvaluator eval) {
    int maxDoc = seg.maxDoc;
    int level = level(seg);
    if (level > 0) {
      LEVELLED.increment();
    } else if (seg.levelStatic.length > 0) {
      UNLEVELLED.increment();
    }
    if (level == 0) {
      System.arraycopy(seg.staticNum, 0, acc, base, maxDoc);
      Arrays.fill(mask, base, base + maxDoc, 0L);
    } else {
      System.arraycopy(seg.levelStatic[level - 1], 0, acc, base, maxDoc);
      System.arraycopy(seg.levelMask[level - 1], 0, mask, base, maxDoc);
    }
    int skip = 4 * level; // seg.heavy[0, skip) are accounted for
    double pmax = RoleSegment.partialMax(eval);
    // segment-local keys of concept ids the taxonomy does not know: credit 1, so first
    if (!seg.unknownKeys.isEmpty()) {
      for (int i = 0; i < profile.unknownCount(); i++) {
        Integer key = seg.unknownKeys.get("c\0" + profile.unknown(i));
        if (key != null) {
          visit(seg, key, 1.0, base, acc, mask, eval, pmax);
        }
      }
      for (int d = 0; d < profile.degreeCount(); d++) {
        if (profile.degreeField(d) == -1) {
          Integer key = seg.unknownKeys.get("f\0" + profile.degreeFieldText(d));
          if (key != null) {
            visit(seg, key, 1.0, base, acc, mask, eval, pmax);
          }
        }
      }
    }
    int[] heavy = seg.heavy;
    outer:
    for (int i = 0; i < n; i++) {
      int key = keys[i];
      if (i < n1) {
        for (int h = 0; h < skip; h++) {
          if (heavy[h] == key) {
            continue outer;
          }
        }
      }
      visit(seg, key, credits[i], base, acc, mask, eval, pmax);
    }
  }

  private static void visit(RoleSegment seg, int key, double credit, int base, float[] acc,
      long[] mask, ClauseEvaluator eval, double pmax) {
    if (key >= seg.keyRunStart.length - 1) {
      return;
    }
    int r0 = seg.keyRunStart[key];
    int r1 = seg.keyRunStart[key + 1];
    int[] postings = seg.postings;
    int nClasses = seg.nClasses;
    for (int r = r0; r < r1; r++) {
      int rc = seg.runClass[r];
      double floor = RoleSegment.runFloor(eval, rc, nClasses, pmax);
      float delta = (float) (eval.classWeight(rc >= nClasses ? rc - nClasses : rc)
          * (credit - floor));
      if (delta <= 0) {
        continue;
      }
      int end = seg.runStart[r + 1];
      for (int j = seg.runStart[r]; j < end; j++) {
        int post = postings[j];
        int doc = base + (post >>> 6);
        long bit = 1L << post; // shift distance is taken mod 64: the clause slot
        long m = mask[doc];
        mask[doc] = m | bit;
        acc[doc] += (m & bit) == 0 ? delta : 0f; // branch-free: first touch counts
      }
    }
  }
}
