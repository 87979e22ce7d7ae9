package org.rolematch.index;

import java.util.Arrays;

/**
 * Role ids in order over all segments of one index reader, to within a block of 64 ranks: each
 * segment's docs in id order ({@link RoleSegment#idRank}) are cut into blocks of {@code 1 <<
 * RoleSegment.ID_SAMPLE_SHIFT} ranks, and the blocks of all segments are ordered by their first
 * id ({@link RoleSegment#idSample}). A doc's key is its block's place in that order, then its
 * rank within the block; keys of docs in blocks whose id ranges do not overlap follow their ids.
 * Built once per reader (a sort of about n / 64 ids) and shared by its searches.
 */
final class IdOrder {
  private static final int SHIFT = RoleSegment.ID_SAMPLE_SHIFT;
  private static final int MASK = (1 << SHIFT) - 1;

  /** The reader this order is of (its cache key), or null when it cannot be cached. */
  final Object key;
  /** Per segment, per block of its ranks: the block's place in the order of all blocks. */
  private final int[][] place;
  private final int blocks;

  private IdOrder(Object key, int[][] place, int blocks) {
    this.key = key;
    this.place = place;
    this.blocks = blocks;
  }

  static IdOrder of(Object key, RoleSegment[] segs, int nLeaves) {
    int blocks = 0;
    for (int li = 0; li < nLeaves; li++) {
      blocks += segs[li].idSample.length;
    }
    long[] at = new long[blocks]; // segment << 32 | block, to be sorted by the block's first id
    int n = 0;
    for (int li = 0; li < nLeaves; li++) {
      for (int j = 0; j < segs[li].idSample.length; j++) {
        at[n++] = (long) li << 32 | j;
      }
    }
    Long[] sorted = new Long[blocks];
    for (int i = 0; i < blocks; i++) {
      sorted[i] = at[i];
    }
    Arrays.sort(sorted, (a, b) -> {
      int c = segs[(int) (a >>> 32)].idSample[(int) (long) a]
          .compareTo(segs[(int) (b >>> 32)].idSample[(int) (long) b]);
      return c != 0 ? c : Long.compare(a, b);
    });
    int[][] place = new int[nLeaves][];
    for (int li = 0; li < nLeaves; li++) {
      place[li] = new int[segs[li].idSample.length];
    }
    for (int g = 0; g < blocks; g++) {
      long v = sorted[g];
      place[(int) (v >>> 32)][(int) v] = g;
    }
    return new IdOrder(key, place, blocks);
  }

  /** Number of blocks: keys are below {@code blocks() << ID_SAMPLE_SHIFT}. */
  int blocks() {
    return blocks;
  }

  /** The key of the doc of rank {@code rank} (a doc with a compiled form) in segment {@code li}. */
  int key(int li, int rank) {
    return place[li][rank >>> SHIFT] << SHIFT | (rank & MASK);
  }
}
