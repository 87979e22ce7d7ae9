package org.rolematch.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
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
}
