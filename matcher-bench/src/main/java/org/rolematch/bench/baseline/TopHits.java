package org.rolematch.bench.baseline;

import java.util.ArrayList;
import java.util.List;

/**
 * The best k (score, item) pairs in the order RoleMatch ranks: score descending, then id
 * ascending. A binary heap with the worst entry on top; ids are compared only at equal scores.
 * Not thread-safe; reusable after {@link #clear()}.
 */
public final class TopHits {
  private final int k;
  private final double[] scores;
  private final int[] items;
  private final String[] ids; // the id of every item, indexed by item
  private int size;

  /** A heap of capacity k over items whose ids are {@code ids[item]}. */
  public TopHits(int k, String[] ids) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    this.k = k;
    this.ids = ids;
    scores = new double[k];
    items = new int[k];
  }

  /** Empties the heap. */
  public void clear() {
    size = 0;
  }

  /** The score an item must reach to be considered, or -infinity while the heap is not full. */
  public double threshold() {
    return size == k ? scores[0] : Double.NEGATIVE_INFINITY;
  }

  private boolean worse(double s1, int i1, double s2, int i2) {
    return s1 < s2 || (s1 == s2 && ids[i1].compareTo(ids[i2]) > 0);
  }

  /** Offers an item. */
  public void offer(double score, int item) {
    if (size < k) {
      int i = size++;
      scores[i] = score;
      items[i] = item;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (!worse(scores[i], items[i], scores[p], items[p])) {
          break;
        }
        swap(i, p);
        i = p;
      }
      return;
    }
    if (score < scores[0] || !worse(scores[0], items[0], score, item)) {
      return;
    }
    scores[0] = score;
    items[0] = item;
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int w = l;
      if (l + 1 < size && worse(scores[l + 1], items[l + 1], scores[l], items[l])) {
        w = l + 1;
      }
      if (!worse(scores[w], items[w], scores[i], items[i])) {
        return;
      }
      swap(i, w);
      i = w;
    }
  }

  private void swap(int a, int b) {
    double s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    int t = items[a];
    items[a] = items[b];
    items[b] = t;
  }

  /** The hits, best first. */
  public List<Hit> hits() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> worse(scores[a], items[a], scores[b], items[b]) ? 1
        : worse(scores[b], items[b], scores[a], items[a]) ? -1 : 0);
    List<Hit> out = new ArrayList<>(size);
    for (int i : order) {
      out.add(new Hit(ids[items[i]], scores[i]));
    }
    return out;
  }
}
