package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The none and part lists order the docs with a bound of at least 0 by bound descending, equal
 * bounds by doc; those with a negative bound are left out.
 */
class RoleSegmentOrderTest {
  @Test
  void docsAreOrderedByBoundDescendingThenByDoc() {
    SplittableRandom rnd = new SplittableRandom(23);
    float[] few = {0f, 1e-4f, 37.5f, 100f, 100.0001f, Float.MAX_VALUE, Float.POSITIVE_INFINITY,
        Float.MIN_VALUE, -0f, -1f};
    for (int size : new int[] {0, 1, 2, 100, 2047, 2049, 5000, 70_000}) {
      float[] bound = new float[size];
      for (int d = 0; d < size; d++) {
        int u = rnd.nextInt(4);
        bound[d] = u == 0 ? few[rnd.nextInt(few.length)] // ties and edge values
            : u == 1 ? -rnd.nextFloat() - 1e-3f // left out
            : rnd.nextFloat() * 120f;
      }
      assertArrayEquals(reference(bound), RoleSegment.sortedDescending(bound, count(bound)),
          "size " + size);
    }
  }

  private static int count(float[] bound) {
    int n = 0;
    for (float b : bound) {
      if (b >= 0) {
        n++;
      }
    }
    return n;
  }

  /** Sorted by a comparator: +0 before -0 (as the bound's bits order them), then by doc. */
  private static int[] reference(float[] bound) {
    return IntStream.range(0, bound.length).boxed()
        .filter(d -> bound[d] >= 0)
        .sorted(Comparator.<Integer>comparingInt(d -> orderKey(bound[d])).thenComparingInt(d -> d))
        .mapToInt(Integer::intValue).toArray();
  }

  private static int orderKey(float b) {
    return b == 0 && Float.floatToIntBits(b) != 0 ? Integer.MAX_VALUE : -Float.floatToIntBits(b);
  }
}
