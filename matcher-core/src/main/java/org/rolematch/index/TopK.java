package org.rolematch.index;

/**
 * A bounded heap of the best k (score, id) pairs, worst on top: a lower score is worse, and at
 * equal scores a greater id is worse, so the final order is score descending, id ascending.
 */
final class TopK {
  final int k;
  int size;
  final double[] scores;
  final String[] ids;
  final int[] docs;

  TopK(int k) {
    this.k = k;
    scores = new double[k];
    ids = new String[k];
    docs = new int[k];
  }

  boolean full() {
    return size == k;
  }

  /** The k-th best score, or -infinity while not full. */
  double threshold() {
    return size == k ? scores[0] : Double.NEGATIVE_INFINITY;
  }

  /** Whether a score could enter (ids decide at an equal score). */
  boolean competitive(double score) {
    return size < k || score >= scores[0];
  }

  private static boolean worse(double s1, String id1, double s2, String id2) {
    return s1 < s2 || (s1 == s2 && id1.compareTo(id2) > 0);
  }

  /** Offers an entry; returns whether it was kept. */
  boolean offer(double score, String id, int doc) {
    if (size < k) {
      int i = size++;
      scores[i] = score;
      ids[i] = id;
      docs[i] = doc;
      up(i);
      return true;
    }
    if (!worse(scores[0], ids[0], score, id)) {
      return false;
    }
    scores[0] = score;
    ids[0] = id;
    docs[0] = doc;
    down(0);
    return true;
  }

  private void up(int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (worse(scores[i], ids[i], scores[p], ids[p])) {
        swap(i, p);
        i = p;
      } else {
        return;
      }
    }
  }

  private void down(int i) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int w = l;
      int r = l + 1;
      if (r < size && worse(scores[r], ids[r], scores[l], ids[l])) {
        w = r;
      }
      if (worse(scores[w], ids[w], scores[i], ids[i])) {
        swap(i, w);
        i = w;
      } else {
        return;
      }
    }
  }

  private void swap(int a, int b) {
    double s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    String x = ids[a];
    ids[a] = ids[b];
    ids[b] = x;
    int d = docs[a];
    docs[a] = docs[b];
    docs[b] = d;
  }

  /** Indices into the arrays, best first. */
  int[] order() {
    Integer[] idx = new Integer[size];
    for (int i = 0; i < size; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> worse(scores[a], ids[a], scores[b], ids[b]) ? 1
        : worse(scores[b], ids[b], scores[a], ids[a]) ? -1 : 0);
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = idx[i];
    }
    return out;
  }
}
