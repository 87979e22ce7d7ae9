package org.rolematch.index;

import java.util.Arrays;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledProfile;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.ConceptGraph;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.model.Kind;

/**
 * A profile as credits over the {@link RoleSegment} key layout: the best credit each key can give
 * a clause that lists it (a dense array, pooled by the search), and the keys a guard posting can
 * be filed under (concepts the profile holds, closed under ancestors, and its concept ids the
 * taxonomy does not know).
 */
final class ProfileKeys {
  /**
   * The credit of every key this search may meet, as floats rounded up (half the cache of
   * doubles; a bound from a credit rounded up is still a bound); keys not set are 0.
   */
  final float[] credit;
  /** The same credits as doubles (the array the profile's keys are collected in). */
  private final double[] exact;
  /** Keys set in {@link #credit}, to reset it after the search. */
  private final int[] set;
  private final int nSet;
  /** Concept keys (and unknown concept keys) the profile holds at credit 1. */
  final int[] guardKeys;
  final int nGuard;
  /** Per run class: the weight, and the floor every role's static credit already counts. */
  final double[] classWeight;
  final double[] classFloor;

  private ProfileKeys(float[] credit, double[] exact, int[] set, int nSet, int[] guardKeys,
      int nGuard, double[] classWeight, double[] classFloor) {
    this.credit = credit;
    this.exact = exact;
    this.set = set;
    this.nSet = nSet;
    this.guardKeys = guardKeys;
    this.nGuard = nGuard;
    this.classWeight = classWeight;
    this.classFloor = classFloor;
  }

  static ProfileKeys of(CompiledProfile p, ClauseEvaluator eval, RoleSegment.Keys k,
      RoleSegment.UnknownKeys unknown, RoleIndex.Scratch sc, RoleSegment[] segs) {
    ScoringPolicy pol = eval.policy();
    ConceptGraph g = eval.graph();
    int keyEnd = k.fixed;
    for (RoleSegment seg : segs) {
      keyEnd = Math.max(keyEnd, seg.keyEnd);
    }
    if (sc.creditByKey.length < keyEnd) {
      sc.creditByKey = new double[Math.max(keyEnd, sc.creditByKey.length + (sc.creditByKey.length >> 2))];
      sc.creditFloat = new float[sc.creditByKey.length];
    }
    double[] cr = sc.creditByKey;
    int[] touched = sc.touched; // pooled: grown as needed, kept for the next search
    int nt = 0;
    // concepts (closed under ancestors)
    touched = grow(touched, p.upCount() + p.unknownCount() + 1);
    for (int i = 0; i < p.upCount(); i++) {
      nt = put(cr, touched, nt, p.up(i), 1.0);
    }
    // unknown concept ids some role of these segments lists (the dictionary also holds keys of
    // roles whose segments are gone: no segment here has them, so they are no key of this search)
    for (int i = 0; i < p.unknownCount(); i++) {
      int key = unknown.find("c\0" + p.unknown(i));
      if (key >= k.fixed && key < keyEnd) {
        nt = put(cr, touched, nt, key, 1.0);
      }
    }
    int nGuard = nt;
    int[] guardKeys = sc.guardKeys.length >= nGuard ? sc.guardKeys
        : (sc.guardKeys = new int[Math.max(nGuard, 2 * sc.guardKeys.length)]);
    System.arraycopy(touched, 0, guardKeys, 0, nGuard);
    touched = grow(touched, nt + 1);
    nt = put(cr, touched, nt, k.overflow, 1.0);
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
      } else if (f == -1) {
        int key = unknown.find("f\0" + p.degreeFieldText(d));
        if (key >= k.fixed && key < keyEnd) {
          touched = grow(touched, nt);
          nt = put(cr, touched, nt, key, 1.0);
        }
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
        if (cr[k.degree + sig] != 0) {
          continue;
        }
        int minDeg = (sig & 7) - 1;
        int status = ((sig >>> 3) & 3) - 1;
        int mask = (sig >>> 5) & 31;
        boolean eq = (sig >>> 10) != 0;
        touched = grow(touched, nt);
        nt = put(cr, touched, nt, k.degree + sig, eval.degreeCredit(minDeg, status, mask, eq, p));
      }
    }
    sc.touched = touched;
    int width = 2 * Kind.values().length * 2;
    if (sc.classWeight == null) {
      int nClasses = Kind.values().length * 2;
      double pmax = RoleSegment.partialMax(eval);
      sc.classWeight = new double[width];
      sc.classFloor = new double[width];
      for (int rc = 0; rc < width; rc++) {
        sc.classWeight[rc] = eval.classWeight(rc >= nClasses ? rc - nClasses : rc);
        sc.classFloor[rc] = RoleSegment.runFloor(eval, rc, nClasses, pmax);
      }
    }
    float[] crf = sc.creditFloat;
    for (int i = 0; i < nt; i++) {
      int key = touched[i];
      float f = (float) cr[key];
      crf[key] = f < cr[key] ? Math.nextUp(f) : f;
    }
    return new ProfileKeys(crf, cr, touched, nt, guardKeys, nGuard, sc.classWeight,
        sc.classFloor);
  }

  /** Sets every credit of this search back to 0 (the array is pooled). */
  void reset() {
    for (int i = 0; i < nSet; i++) {
      credit[set[i]] = 0;
      exact[set[i]] = 0;
    }
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
}
