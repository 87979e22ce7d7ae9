package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReader;
import org.junit.jupiter.api.Test;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.Fixtures;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * A segment's structure built from doc ranges in parallel is the structure built on one thread:
 * every array equal, once the unknown ids have their numbers (parts may meet them in another
 * order).
 */
class RoleSegmentPartsTest {
  @Test
  void anyNumberOfPartsBuildsTheSameStructure() throws Exception {
    Taxonomy t = Fixtures.anyTaxonomy();
    ClauseEvaluator eval = ClauseEvaluator.of(t, ScoringPolicy.defaults());
    Fixtures.RandomData data = new Fixtures.RandomData(t, 17);
    List<Role> roles = data.roles("r%05d", 1500);
    try (RoleIndex index = RoleIndex.open(null, eval)) {
      index.addAll(roles);
      index.delete("r00007");
      try (RoleIndex.Snapshot snap = index.snapshot()) {
        LeafReader leaf = snap.searcher.getIndexReader().leaves().get(0).reader();
        RoleSegment.UnknownKeys unknown =
            new RoleSegment.UnknownKeys(new RoleSegment.Keys(eval.graph().size()));
        RoleSegment one = RoleSegment.build(leaf, eval, unknown, 1);
        assertTrue(!unknown.isEmpty(), "the roles name unknown ids");
        int guards = 0;
        for (int d = 0; d < one.maxDoc; d++) {
          for (int g = 0; g < RoleSegment.GUARDS; g++) {
            boolean bit = (one.guardBits[g * one.words + (d >>> 6)] & (1L << d)) != 0;
            assertEquals((one.guardMask[d] & (1 << g)) != 0, bit, "guard " + g + " of doc " + d);
            guards += bit ? 1 : 0;
          }
        }
        assertTrue(guards > one.maxDoc, "most roles have guards: " + guards);
        for (int parts : new int[] {2, 3, 7, 64}) {
          assertSameArrays(one, RoleSegment.build(leaf, eval, unknown, parts), parts);
        }
      }
    }
  }

  private static void assertSameArrays(RoleSegment a, RoleSegment b, int parts)
      throws IllegalAccessException {
    int compared = 0;
    for (Field f : RoleSegment.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("keys")) {
        continue;
      }
      f.setAccessible(true);
      assertTrue(Objects.deepEquals(f.get(a), f.get(b)), f.getName() + " with " + parts + " parts");
      compared++;
    }
    assertEquals(24, compared, "every field of the structure compared");
  }
}
