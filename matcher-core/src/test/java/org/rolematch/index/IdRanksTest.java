package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ids ranked from their UTF-8 bytes come out as {@link String#compareTo} orders the Strings. */
class IdRanksTest {
  /** Characters where UTF-8 byte order and UTF-16 order disagree, and plain ones. */
  private static final String[] PARTS = {"a", "b", "0", "-", "é", "中", "\uE000", "\uFFFD",
      "\uFF21", "\uD835\uDCB3", "\uD83D\uDE00", "\u007F", "\u0080", "\u07FF", "\u0800"};

  private static String random(Random rnd) {
    StringBuilder b = new StringBuilder();
    for (int i = rnd.nextInt(5); i > 0; i--) {
      b.append(PARTS[rnd.nextInt(PARTS.length)]);
    }
    return b.toString();
  }

  @Test
  void comparesAsStringsDo() {
    Random rnd = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      String x = random(rnd);
      String y = rnd.nextInt(4) == 0 ? x : random(rnd);
      byte[] a = x.getBytes(StandardCharsets.UTF_8);
      byte[] b = y.getBytes(StandardCharsets.UTF_8);
      assertEquals(Integer.signum(x.compareTo(y)),
          Integer.signum(IdRanks.compareUtf8(a, 0, a.length, b, 0, b.length)),
          "'" + x + "' against '" + y + "'");
    }
  }

  @Test
  void ranksInStringOrderWithRunsAndGaps() {
    Random rnd = new Random(2);
    for (int round = 0; round < 40; round++) {
      int n = 1 + rnd.nextInt(700);
      // ids in runs (numbered, then shuffled blocks) or at random, some docs without an id
      List<String> ids = new ArrayList<>();
      for (int d = 0; d < n; d++) {
        ids.add(round % 2 == 0 ? String.format("r-%05d", (d / 50 * 7919 % 997) * 50 + d % 50)
            : random(rnd));
      }
      int[] length = new int[n];
      List<IdRanks.Part> parts = new ArrayList<>();
      IdRanks.Part part = null;
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int d = 0; d < n; d++) {
        if (d % 128 == 0) { // a range of docs per part, as the parallel build cuts them
          part = new IdRanks.Part();
          parts.add(part);
        }
        if (rnd.nextInt(25) == 0) {
          length[d] = -1;
          ids.set(d, null);
          continue;
        }
        byte[] b = ids.get(d).getBytes(StandardCharsets.UTF_8);
        part.add(b, 0, b.length);
        all.writeBytes(b);
        length[d] = b.length;
      }
      int[] rank = new int[n];
      String[] sample = IdRanks.rank(parts, length, rank, 3);
      Integer[] byId = new Integer[n];
      int m = 0;
      for (int d = 0; d < n; d++) {
        if (ids.get(d) != null) {
          byId[m++] = d;
        }
      }
      Integer[] sorted = Arrays.copyOf(byId, m);
      Arrays.sort(sorted, Comparator.comparing(ids::get)); // stable: equal ids keep doc order
      int[] want = new int[n];
      Arrays.fill(want, Integer.MAX_VALUE);
      for (int r = 0; r < m; r++) {
        want[sorted[r]] = r;
      }
      assertArrayEquals(want, rank, "round " + round);
      assertEquals((m + 7) / 8, sample.length);
      for (int j = 0; j < sample.length; j++) {
        assertEquals(ids.get(sorted[8 * j]), sample[j], "sample " + j + " of round " + round);
      }
    }
  }
}
