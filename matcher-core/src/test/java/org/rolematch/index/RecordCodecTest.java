package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.model.SalaryRange;
import org.rolematch.score.CompiledCodec;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.ConceptGraph;
import org.rolematch.score.Fixtures;
import org.rolematch.taxonomy.Concept;
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

  @Test
  void encodingWithConceptIdsWritesTheSameRecordAndTheOrdinalsTheCompiledFormNeeds() {
    List<Concept> concepts = new ArrayList<>(Taxonomy.defaults().concepts());
    concepts.add(Concept.of("z\u00fcrich lake", Kind.LOCATION));
    concepts.add(Concept.of("\u673a\u5668\u5b66\u4e60", Kind.RESEARCH_AREA));
    concepts.add(Concept.of("caf\u00e9 \ud83d\ude00 tooling", Kind.TOOL));
    Taxonomy t = Taxonomy.of(concepts);
    ConceptGraph g = ConceptGraph.of(t);
    RecordCodec.ConceptIds ids = new RecordCodec.ConceptIds(g);
    Fixtures.RandomData data = new Fixtures.RandomData(t, 11).benchmarkSizes();
    List<Role> roles = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      roles.add(data.role("role-" + i));
    }
    roles.add(Role.of("mixed", "t", List.of(
        Fixtures.req("r1", Kind.RESEARCH_AREA, Importance.REQUIRED, "\u673a\u5668\u5b66\u4e60",
            "not in the taxonomy", "unbekannt \u00fc", "python", "python"),
        Fixtures.req("r2", Kind.LOCATION, Importance.PREFERRED, "z\u00fcrich lake",
            "work authorization", "lone \ud800"),
        Fixtures.req("r3", Kind.TOOL, Importance.REQUIRED, "caf\u00e9 \ud83d\ude00 tooling"),
        Fixtures.req("r4", Kind.FIELD_OF_STUDY, Importance.REQUIRED, "computer science",
            "related field"),
        Fixtures.degreeReq("r5", DegreeLevel.MASTER, DegreeStatus.COMPLETED, "master", "phd",
            "equivalent experience"),
        Fixtures.req("r6", Kind.PRIOR_INTERNSHIP, Importance.PREFERRED))));
    int known = 0;
    int unknown = 0;
    for (Role r : roles) {
      int[] ordinals = new int[CompiledRole.listed(r)];
      assertArrayEquals(RecordCodec.encode(r, false),
          RecordCodec.encode(r, false, ids, ordinals), r.id());
      int k = 0;
      for (Requirement q : r.requirements()) {
        for (String a : q.anyOf()) {
          assertEquals(g.ordinal(a), ordinals[k++], a);
          if (g.ordinal(a) >= 0) {
            known++;
          } else {
            unknown++;
          }
        }
      }
      assertEquals(ordinals.length, k);
      byte[] compiled = CompiledCodec.encode(CompiledRole.compile(r, g));
      assertArrayEquals(compiled, CompiledCodec.encode(CompiledRole.compile(r, g, ordinals)),
          r.id());
      assertArrayEquals(compiled, CompiledCodec.encode(r, g, ordinals), r.id());
      int[] again = new int[ordinals.length];
      assertArrayEquals(RecordCodec.encode(r, true),
          RecordCodec.encode(r, true, ids, again), r.id());
    }
    assertTrue(known > 1000 && unknown > 10, known + " known, " + unknown + " unknown");
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
