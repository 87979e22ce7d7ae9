package org.rolematch.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Evidence;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;

class CompiledCodecTest {
  private final ConceptGraph graph = ConceptGraph.of(Fixtures.smallTaxonomy());

  private byte[] encoded(String id) {
    Role r = Role.of(id, "t", List.of());
    return CompiledCodec.encode(CompiledRole.compile(r, graph));
  }

  @Test
  void comparingAnEncodedIdAgreesWithStringCompareTo() {
    // ASCII, Latin, CJK, a private-use character (U+E000, which sorts above surrogates in
    // UTF-16 but below them in code point order) and a supplementary character (U+1F600)
    List<String> ids = List.of("r1", "r10", "r2", "r", "posting#1", "caf\u00e9", "caf\u00e8",
        "\u4e2d\u6587", "x\ue000", "x\ud83d\ude00", "x\ud83d\ude01", "x", "xy", "");
    for (String a : ids) {
      if (a.isEmpty()) {
        continue; // role ids are never blank
      }
      byte[] b = encoded(a);
      assertEquals(a, CompiledCodec.roleId(b, 0, b.length));
      for (String other : ids) {
        assertEquals(Integer.signum(a.compareTo(other)),
            Integer.signum(CompiledCodec.compareRoleId(b, 0, b.length, other)),
            a + " vs " + other);
      }
    }
  }

  @Test
  void aDecodedProfileKnowsWhichSkillEachConceptCameFromUnlessTheFormPredatesIt() {
    Fixtures.RandomData data = new Fixtures.RandomData(Fixtures.smallTaxonomy(), 5);
    for (int i = 0; i < 50; i++) {
      CompiledProfile p = CompiledProfile.compile(data.profile("p" + i), graph);
      byte[] b = CompiledCodec.encode(p);
      CompiledProfile back = new CompiledProfile();
      CompiledCodec.decode(b, 0, b.length, back);
      assertTrue(back.linksSkills());
      assertArrayEquals(java.util.Arrays.copyOf(p.ownSkill, p.nOwn),
          java.util.Arrays.copyOf(back.ownSkill, back.nOwn));
      if (p.nOwn > 0) {
        // a form written before the links were kept ends before them (one byte each here)
        CompiledProfile old = new CompiledProfile();
        CompiledCodec.decode(b, 0, b.length - p.nOwn, old);
        assertFalse(old.linksSkills());
        assertEquals(p.nOwn, old.nOwn);
      }
    }
  }

  @Test
  void aRoleEncodedStraightFromItsRequirementsIsTheEncodingOfItsCompiledRole() {
    List<Role> roles = randomAndEdgeRoles();
    for (Role r : roles) {
      byte[] expected = CompiledCodec.encode(CompiledRole.compile(r, graph));
      assertArrayEquals(expected, CompiledCodec.encode(r, graph, null), r.id());
      int[] ordinals = new int[CompiledRole.listed(r)];
      int k = 0;
      for (Requirement q : r.requirements()) {
        for (String a : q.anyOf()) {
          ordinals[k++] = graph.ordinal(a);
        }
      }
      assertArrayEquals(expected, CompiledCodec.encode(r, graph, ordinals), r.id());
    }
    CompiledRole back = new CompiledRole();
    byte[] b = CompiledCodec.encode(roles.get(roles.size() - 1), graph, null);
    CompiledCodec.decode(b, 0, b.length, back);
    assertEquals(11, back.clauseCount());
    assertEquals(4, back.conceptEnd(0) - back.conceptStart(0)); // python, sql, x y, caf\u00e9
  }

  @Test
  void decodingClauseByClauseVisitsWhatTheDecodedCompiledRoleHolds() {
    CompiledCodec.ClauseDecoder decoder = new CompiledCodec.ClauseDecoder(); // reused throughout
    CompiledRole whole = new CompiledRole();
    int clauses = 0;
    for (Role r : randomAndEdgeRoles()) {
      byte[] b = CompiledCodec.encode(r, graph, null);
      CompiledCodec.decode(b, 0, b.length, whole);
      List<String> visited = new java.util.ArrayList<>();
      decoder.decode(b, 0, b.length, (i, kind, imp, flags, minCount, minDeg, status, years, mask,
          concepts, nc, unknown) -> {
        StringBuilder c = new StringBuilder();
        for (int j = 0; j < nc; j++) {
          c.append(concepts[j] >= 0 ? "#" + concepts[j] : "?" + unknown[-concepts[j] - 1])
              .append(' ');
        }
        visited.add(i + " " + kind + " " + imp + " " + flags + " " + minCount + " " + minDeg
            + " " + status + " " + years + " " + mask + " [" + c + "]");
      });
      List<String> expected = new java.util.ArrayList<>();
      for (int i = 0; i < whole.clauseCount(); i++) {
        StringBuilder c = new StringBuilder();
        for (int j = whole.conceptStart(i); j < whole.conceptEnd(i); j++) {
          int x = whole.concept(j);
          c.append(x >= 0 ? "#" + x : "?" + whole.unknown(-x - 1)).append(' ');
        }
        expected.add(i + " " + whole.kindOrdinal(i) + " " + whole.importanceOrdinal(i) + " "
            + whole.flags(i) + " " + whole.minCount(i) + " " + whole.minDegreeRank(i) + " "
            + whole.statusOrdinal(i) + " " + whole.minYears(i) + " " + whole.levelMask(i) + " ["
            + c + "]");
      }
      assertEquals(expected, visited, r.id());
      clauses += expected.size();
    }
    assertTrue(clauses > 1000, "the roles have clauses to compare: " + clauses);
  }

  /** 300 random roles (some naming unknown ids) and one of edge cases, last. */
  private static List<Role> randomAndEdgeRoles() {
    Fixtures.RandomData data = new Fixtures.RandomData(Fixtures.smallTaxonomy(), 9);
    List<Role> roles = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      roles.add(data.role("role-" + i));
    }
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 150; i++) {
      many.add(i % 3 == 0 ? "python" : "unknown " + (i % 70)); // repeats, over 127 entries
    }
    roles.add(Role.of("edges", "t", List.of(
        Fixtures.req("r1", Kind.TOOL, Importance.REQUIRED, "python", "sql", "python", "x y",
            "x y", "caf\u00e9", "sql"),
        Fixtures.req("r2", Kind.FIELD_OF_STUDY, Importance.REQUIRED, "computer science",
            "related field", "related fields", "computer science"),
        Fixtures.req("r3", Kind.LOCATION, Importance.PREFERRED, "texas", "work authorization",
            "work authorisation", "mars"),
        Fixtures.req("r4", Kind.PRIOR_INTERNSHIP, Importance.PREFERRED, "internship", "java"),
        Fixtures.req("r5", Kind.PUBLICATION, Importance.PREFERRED, "nlp"),
        Fixtures.req("r6", Kind.CAREER_STAGE, Importance.REQUIRED),
        Fixtures.req("r7", Kind.SKILL, Importance.REQUIRED),
        new Requirement("r8", Kind.DEGREE, Importance.REQUIRED,
            List.of("master", "PhD", "Equivalent experience", "bs"), 1, DegreeLevel.MASTER,
            DegreeStatus.EITHER, 0, true, Evidence.NONE),
        new Requirement("r9", Kind.EXPERIENCE_YEARS, Importance.REQUIRED, List.of("java"), 1,
            null, null, 300, false, Evidence.NONE),
        new Requirement("r10", Kind.ML_FRAMEWORK, Importance.REQUIRED,
            List.of("pytorch", "jax", "tensorflow"), 2, null, null, 3, true, Evidence.NONE),
        Requirement.anyOf("r11", Kind.TOOL, Importance.PREFERRED, many, Evidence.NONE))));
    return roles;
  }
}
