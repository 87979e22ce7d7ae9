package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.model.SalaryRange;
import org.rolematch.score.Fixtures;
import org.rolematch.taxonomy.Taxonomy;

/** Records are written as Lucene's {@code DataOutput} writes them, and read back whole. */
class RecordCodecTest {
  private static final String[] STRINGS = {
    "", "python", "What? Why?", "?", "Zürich", "naïve café", "机器学习", "emoji \uD83D\uDE00 ok",
    "lone high \uD800 surrogate", "lone low \uDC00", "\uDC00\uD800 reversed", "end \uD83D",
    "tab\tand\nnewline", "\u0000 nul", "x".repeat(300), "é".repeat(200),
  };

  @Test
  void stringsAreLucenesBytes() throws IOException {
    for (String s : STRINGS) {
      assertArrayEquals(lucene(s), ours(s), () -> "bytes of \"" + s + "\"");
    }
    Random rnd = new Random(7);
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = rnd.nextInt(12); j > 0; j--) {
        b.append((char) switch (rnd.nextInt(5)) {
          case 0 -> rnd.nextInt(0x80);
          case 1 -> 0xD800 + rnd.nextInt(0x800); // surrogates, paired or not
          case 2 -> '?';
          default -> rnd.nextInt(0x10000);
        });
      }
      String s = b.toString();
      assertArrayEquals(lucene(s), ours(s), () -> "bytes of " + s.chars().boxed().toList());
    }
  }

  @Test
  void numbersAreLucenesBytes() throws IOException {
    int[] ints = {0, 1, 127, 128, 16383, 16384, Integer.MAX_VALUE, -1, Integer.MIN_VALUE};
    for (int v : ints) {
      ByteBuffersDataOutput l = new ByteBuffersDataOutput();
      l.writeVInt(v);
      RecordCodec.Out o = new RecordCodec.Out(1);
      o.vint(v);
      assertArrayEquals(l.toArrayCopy(), o.copy(), "vint " + v);
    }
    long[] longs = {0, 1, -1, Long.MAX_VALUE, Double.doubleToRawLongBits(Math.PI)};
    for (long v : longs) {
      ByteBuffersDataOutput l = new ByteBuffersDataOutput();
      l.writeLong(v);
      RecordCodec.Out o = new RecordCodec.Out(1);
      o.longLe(v);
      assertArrayEquals(l.toArrayCopy(), o.copy(), "long " + v);
    }
  }

  @Test
  void rolesAndProfilesReadBackWhole() {
    Fixtures.RandomData data = new Fixtures.RandomData(Taxonomy.defaults(), 3);
    for (int i = 0; i < 200; i++) {
      Role r = data.role("role-" + i);
      Role rich = new Role(r.id(), "Data Scientist, Zürich \uD83D\uDE00", "Acme?",
          r.employmentType(), List.of("Remote", "Zürich"),
          i % 2 == 0 ? Optional.of(new SalaryRange(1, 2.5, "CHF", "year")) : Optional.empty(),
          r.requirements(), i % 3 == 0 ? "" : "The posting text " + i);
      byte[] whole = RecordCodec.encode(rich, true);
      assertEquals(rich, RecordCodec.decodeRole(whole, 0, whole.length));
      byte[] without = RecordCodec.encode(rich, false);
      assertEquals(withoutSource(rich), RecordCodec.decodeRole(without, 0, without.length));
      assertEquals(rich, RecordCodec.decodeRole(without, 0, without.length, rich.sourceText()));
      CandidateProfile p = data.profile("profile-" + i);
      byte[] b = RecordCodec.encode(p);
      assertEquals(p, RecordCodec.decodeProfile(b, 0, b.length));
    }
  }

  private static Role withoutSource(Role r) {
    return new Role(r.id(), r.title(), r.organisation(), r.employmentType(),
        r.locationConstraints(), r.salary(), r.requirements(), "");
  }

  private static byte[] lucene(String s) throws IOException {
    ByteBuffersDataOutput o = new ByteBuffersDataOutput();
    o.writeString(s);
    return o.toArrayCopy();
  }

  private static byte[] ours(String s) {
    RecordCodec.Out o = new RecordCodec.Out(1);
    o.string(s);
    return o.copy();
  }
}
