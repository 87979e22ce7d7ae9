package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.LeafReader;
import org.junit.jupiter.api.Test;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.Fixtures;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * A role's quick bound (16-bit fields, one read) is never below its guard bound, for every set of
 * touched guards and any credit of its degree clause, and is within a few units of it when the
 * degree clause loses nothing (its rounding).
 */
class QuickBoundTest {
  @Test
  void quickBoundStaysAboveTheGuardBoundAndClose() throws Exception {
    Taxonomy t = Fixtures.anyTaxonomy();
    ClauseEvaluator eval = ClauseEvaluator.of(t, ScoringPolicy.defaults());
    Fixtures.RandomData data = new Fixtures.RandomData(t, 29).benchmarkSizes();
    List<Role> roles = data.roles("q%04d", 800);
    try (RoleIndex index = RoleIndex.open(null, eval)) {
      index.addAll(roles);
      try (RoleIndex.Snapshot snap = index.snapshot()) {
        LeafReader leaf = snap.searcher.getIndexReader().leaves().get(0).reader();
        RoleSegment seg = RoleSegment.build(leaf, eval,
            new RoleSegment.UnknownKeys(new RoleSegment.Keys(eval.graph().size())), 1);
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
            assertTrue(quick >= lower, "doc " + d + " with a degree loss: " + quick + " < "
                + lower);
          }
        }
        assertEquals(roles.size(), seg.maxDoc);
        assertTrue(withGuards > seg.maxDoc / 2, "most roles have guards: " + withGuards);
        // rounding: at most 2 units on the bound and 2 on each of three losses, 1 of float
        assertTrue(widest <= 9 / RoleSegment.QUICK_UNIT, "quick bound within 9 units: " + widest);
        assertTrue(widest > 0, "the quick bound is rounded up");
      }
    }
  }
}
