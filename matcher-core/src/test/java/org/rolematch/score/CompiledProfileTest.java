package org.rolematch.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rolematch.taxonomy.Taxonomy;

class CompiledProfileTest {
  /** Where {@code ord} is in the first {@code n} sorted values, or -1. */
  private static int searched(int[] sorted, int n, int ord) {
    int i = Arrays.binarySearch(sorted, 0, n, ord);
    return i >= 0 ? i : -1;
  }

  private static void assertIndexesAreThoseOfASearch(CompiledProfile p, int concepts) {
    for (int ord = -70; ord < concepts + 200; ord++) {
      assertEquals(searched(p.own, p.nOwn, ord), p.ownIndex(ord), "own " + ord);
      assertEquals(searched(p.up, p.nUp, ord), p.upIndex(ord), "up " + ord);
    }
  }

  @Test
  void theIndexOfAConceptIsItsPlaceInTheSortedConcepts() {
    Taxonomy taxonomy = Taxonomy.defaults();
    ConceptGraph graph = ConceptGraph.of(taxonomy);
    Fixtures.RandomData data = new Fixtures.RandomData(taxonomy, 11);
    CompiledProfile reused = new CompiledProfile();
    int held = 0;
    for (int i = 0; i < 40; i++) {
      CompiledProfile p = CompiledProfile.compile(data.profile("p" + i), graph);
      held += p.nUp;
      assertIndexesAreThoseOfASearch(p, taxonomy.size());
      // a decoder refills one instance: its indexes follow the profile it holds now
      byte[] b = CompiledCodec.encode(p);
      CompiledCodec.decode(b, 0, b.length, reused);
      assertIndexesAreThoseOfASearch(reused, taxonomy.size());
    }
    assertTrue(held > 40 * 3, "the profiles hold concepts: " + held);
    assertIndexesAreThoseOfASearch(new CompiledProfile(), taxonomy.size());
  }
}
