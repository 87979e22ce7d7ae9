package org.rolematch.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The role ids of a segment's docs while its structure is built, as UTF-8 bytes (about 16 bytes
 * a doc, not a String each: a million ids as Strings would need some 60 MB of heap at once), and
 * their order: each doc's rank by id, as {@link String#compareTo} orders the ids, and every
 * {@code 1 << shift}-th id in that order.
 */
final class IdRanks {
  /** The ids of one range of docs, appended in doc order. */
  static final class Part {
    byte[] bytes = new byte[256];
    int size;

    void add(byte[] b, int off, int len) {
      if (size + len > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size + len, bytes.length + (bytes.length >> 1)));
      }
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }
  }

  private IdRanks() {}

  /**
   * Fills {@code rank} with each doc's rank by id ({@link Integer#MAX_VALUE} for a doc with
   * {@code length} -1: no compiled form) and returns every {@code 1 << shift}-th id in rank order.
   * The parts hold the ids of consecutive ranges of docs, in doc order; {@code length} is each
   * doc's id length in bytes. Docs of equal ids keep doc order.
   */
  static String[] rank(List<Part> parts, int[] length, int[] rank, int shift) {
    int maxDoc = length.length;
    byte[] pool = parts.size() == 1 ? parts.get(0).bytes : concat(parts);
    int[] start = new int[maxDoc + 1];
    int[] docs = new int[maxDoc];
    int n = 0;
    for (int d = 0; d < maxDoc; d++) {
      int len = length[d];
      if (len < 0) {
        rank[d] = Integer.MAX_VALUE;
        len = 0;
      } else {
        docs[n++] = d;
      }
      start[d + 1] = start[d] + len;
    }
    sort(docs, n, pool, start);
    String[] sample = new String[(n + (1 << shift) - 1) >> shift];
    for (int r = 0; r < n; r++) {
      int d = docs[r];
      rank[d] = r;
      if ((r & ((1 << shift) - 1)) == 0) {
        sample[r >> shift] = new String(pool, start[d], start[d + 1] - start[d],
            StandardCharsets.UTF_8);
      }
    }
    return sample;
  }

  private static byte[] concat(List<Part> parts) {
    byte[] out = new byte[parts.stream().mapToInt(p -> p.size).sum()];
    int at = 0;
    for (Part p : parts) {
      System.arraycopy(p.bytes, 0, out, at, p.size);
      at += p.size;
    }
    return out;
  }

  /**
   * A stable merge sort of {@code docs[0, n)} by id that merges the runs it finds: ids added in
   * runs (numbered ids in insertion order, kept as runs by Lucene's merges) take a few passes.
   */
  private static void sort(int[] docs, int n, byte[] pool, int[] start) {
    if (n < 2) {
      return;
    }
    // run boundaries: ascending runs as found
    int[] runEnd = new int[n];
    int runs = 0;
    for (int i = 1; i < n; i++) {
      if (compare(pool, start, docs[i - 1], docs[i]) > 0) {
        runEnd[runs++] = i;
      }
    }
    runEnd[runs++] = n;
    int[] from = docs;
    int[] to = new int[n];
    while (runs > 1) {
      int merged = 0;
      int lo = 0;
      for (int r = 0; r < runs; r += 2) {
        int mid = runEnd[r];
        int hi = r + 1 < runs ? runEnd[r + 1] : mid;
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          to[k++] = compare(pool, start, from[j], from[i]) < 0 ? from[j++] : from[i++];
        }
        System.arraycopy(from, i, to, k, mid - i);
        k += mid - i;
        System.arraycopy(from, j, to, k, hi - j);
        runEnd[merged++] = hi;
        lo = hi;
      }
      runs = merged;
      int[] t = from;
      from = to;
      to = t;
    }
    if (from != docs) {
      System.arraycopy(from, 0, docs, 0, n);
    }
  }

  /** The ids of docs {@code a} and {@code b} compared as {@link String#compareTo} would. */
  static int compare(byte[] pool, int[] start, int a, int b) {
    return compareUtf8(pool, start[a], start[a + 1], pool, start[b], start[b + 1]);
  }

  /**
   * Two UTF-8 strings compared as {@link String#compareTo} compares them, by UTF-16 code units:
   * code point order, except that U+E000..U+FFFF sort after the supplementary characters (whose
   * first unit, a high surrogate, is D800..DBFF). Only the sign of the result means anything.
   */
  static int compareUtf8(byte[] a, int i, int aEnd, byte[] b, int j, int bEnd) {
    while (i < aEnd && j < bEnd) {
      byte x = a[i];
      byte y = b[j];
      if ((x | y) >= 0) { // ASCII, the common case
        if (x != y) {
          return x - y;
        }
        i++;
        j++;
        continue;
      }
      int c = utf16Order(codePoint(a, i)) - utf16Order(codePoint(b, j));
      if (c != 0) {
        return c;
      }
      i += width(x);
      j += width(y);
    }
    return i < aEnd ? 1 : j < bEnd ? -1 : 0; // a prefix sorts first
  }

  /** A code point's place in UTF-16 order. */
  private static int utf16Order(int cp) {
    return cp >= 0xE000 && cp < 0x10000 ? cp + 0x200000 : cp;
  }

  private static int width(byte lead) {
    int c = lead & 0xff;
    return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
  }

  private static int codePoint(byte[] b, int p) {
    int c = b[p] & 0xff;
    if (c < 0x80) {
      return c;
    } else if (c < 0xe0) {
      return (c & 0x1f) << 6 | (b[p + 1] & 0x3f);
    } else if (c < 0xf0) {
      return (c & 0x0f) << 12 | (b[p + 1] & 0x3f) << 6 | (b[p + 2] & 0x3f);
    }
    return (c & 0x07) << 18 | (b[p + 1] & 0x3f) << 12 | (b[p + 2] & 0x3f) << 6
        | (b[p + 3] & 0x3f);
  }
}
