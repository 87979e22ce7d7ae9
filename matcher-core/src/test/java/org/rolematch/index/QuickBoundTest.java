package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.index.LeafReader;
import org.junit.jupiter.api.Test;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.Fixtures;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * A role's quick bound (16-bit fields, one read) is never below its guard bound, for every set of
 * touched guards and any credit of its degree clause, and is within a few units of it when the
 * degree clause loses nothing (its rounding). With the degree clause's loss taken from its
 * scaled weight ({@link RoleSegment#quickGuard}) it stays above the guard bound and close to it.
 */
class QuickBoundTest {
  private static final int ROLES = 800;
  private final Taxonomy taxonomy = Fixtures.anyTaxonomy();
  private final ClauseEvaluator eval = ClauseEvaluator.of(taxonomy, ScoringPolicy.defaults());

  /** The structure of one segment of {@link #ROLES} random roles of benchmark sizes. */
  private RoleSegment segment(long seed, String idFormat) throws IOException {
    Fixtures.RandomData data = new Fixtures.RandomData(taxonomy, seed).benchmarkSizes();
    try (RoleIndex index = RoleIndex.open(null, eval)) {
      index.addAll(data.roles(idFormat, ROLES));
      try (RoleIndex.Snapshot snap = index.snapshot()) {
        LeafReader leaf = snap.searcher.getIndexReader().leaves().get(0).reader();
        return RoleSegment.build(leaf, eval,
            new RoleSegment.UnknownKeys(new RoleSegment.Keys(eval.graph().size())), 1);
      }
    }
  }

  @Test
  void quickBoundStaysAboveTheGuardBoundAndClose() throws Exception {
    RoleSegment seg = segment(29, "q%04d");
    double[] weight = new double[128];
    double[] floor = new double[128];
    Arrays.fill(weight, 5.0);
    Arrays.fill(floor, 0.0);
    float[] met = new float[seg.keyEnd + seg.keys.fixed + 64];
    Arrays.fill(met, 1f); // the degree clause loses nothing
    float[] some = new float[met.length];
    Random rnd = new Random(5);
    for (int k = 0; k < some.length; k++) {
      some[k] = rnd.nextFloat();
    }
    int withGuards = 0;
    double widest = 0;
    for (int d = 0; d < seg.maxDoc; d++) {
      int has = seg.guardMask[d];
      withGuards += has != 0 ? 1 : 0;
      for (int m = 0; m < 8; m++) {
        int touched = m & has;
        double quick = seg.quickBound(d, touched) / RoleSegment.QUICK_UNIT;
        double exact = seg.guardBound(d, touched, met, weight, floor);
        assertTrue(quick >= exact, "doc " + d + " touched " + touched + ": quick " + quick
            + " under the guard bound " + exact);
        widest = Math.max(widest, quick - exact);
        double lower = seg.guardBound(d, touched, some, weight, floor);
        assertTrue(quick >= lower, "doc " + d + " with a degree loss: " + quick + " < " + lower);
      }
    }
    assertEquals(ROLES, seg.maxDoc);
    assertTrue(withGuards > seg.maxDoc / 2, "most roles have guards: " + withGuards);
    // rounding: at most 2 units on the bound and 2 on each of three losses, 1 of float
    assertTrue(widest <= 9 / RoleSegment.QUICK_UNIT, "quick bound within 9 units: " + widest);
    assertTrue(widest > 0, "the quick bound is rounded up");
  }

  @Test
  void quickGuardStaysAboveTheGuardBoundWithTheDegreeLoss() throws Exception {
    RoleSegment seg = segment(31, "g%04d");
    // the class weights a search uses; floors and the degree credits drawn at random
    int n = seg.nClasses;
    double[] weight = new double[2 * n];
    for (int rc = 0; rc < weight.length; rc++) {
      weight[rc] = eval.classWeight(rc >= n ? rc - n : rc);
    }
    Random rnd = new Random(7);
    int lowered = 0;
    double widest = 0;
    for (int round = 0; round < 20; round++) {
      double[] floor = new double[weight.length];
      for (int rc = 0; rc < floor.length; rc++) {
        floor[rc] = round % 2 == 0 ? 0 : rnd.nextDouble() / 2;
      }
      float[] credit = new float[seg.keyEnd + seg.keys.fixed + 64];
      for (int k = 0; k < credit.length; k++) {
        credit[k] = rnd.nextInt(3) == 0 ? 1f : rnd.nextFloat();
      }
      for (int d = 0; d < seg.maxDoc; d++) {
        for (int m = 0; m < 8; m++) {
          int touched = m & seg.guardMask[d];
          int qb = seg.quickBound(d, touched);
          int qg = seg.quickGuard(d, qb, credit, floor);
          double exact = seg.guardBound(d, touched, credit, weight, floor);
          double quick = seg.quickGuardBound(d, touched, credit, floor);
          assertTrue(quick >= exact, "doc " + d + " touched " + touched + ": " + quick
              + " under the guard bound " + exact);
          assertEquals(qg / RoleSegment.QUICK_UNIT, quick, 1e-4);
          widest = Math.max(widest, quick - exact);
          lowered += qg < qb ? 1 : 0;
        }
      }
    }
    // the degree clause's loss is taken, not only bounded by the quick bound without it
    assertTrue(lowered > seg.maxDoc, "the degree loss lowered " + lowered + " bounds");
    // rounding: the quick bound's 9 units, and 3 of the degree weight and its product
    assertTrue(widest <= 12 / RoleSegment.QUICK_UNIT, "within 12 units: " + widest);
  }
}
