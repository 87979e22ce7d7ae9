package org.rolematch.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rolematch.model.Kind;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;

class ConceptGraphTest {
  private static Concept concept(String id) {
    return new Concept(id, Kind.TOOL, List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void everyIdOfTheDefaultTaxonomyHasItsTaxonomyOrdinal() {
    Taxonomy t = Taxonomy.defaults();
    ConceptGraph g = ConceptGraph.of(t);
    for (int i = 0; i < t.size(); i++) {
      String id = t.concept(i).id();
      assertEquals(i, g.ordinal(id), id);
      assertEquals(i, g.ordinal(new String(id.toCharArray())), "an equal, not identical, " + id);
    }
    for (String unknown : List.of("", "no such concept", "Python", "python ", "pytho")) {
      assertEquals(t.ordinal(unknown), g.ordinal(unknown), unknown);
      assertEquals(-1, g.ordinal(unknown), unknown);
    }
  }

  @Test
  void idsWithEqualHashCodesKeepTheirOwnOrdinals() {
    // "az" and "b[" (and their concatenations) share String hash codes: they land on one slot
    List<String> ids = List.of("azaz", "azb[", "b[az", "b[b[", "az", "b[", "x");
    List<Concept> concepts = new ArrayList<>();
    for (String id : ids) {
      concepts.add(concept(id));
    }
    Taxonomy t = Taxonomy.of(concepts);
    ConceptGraph g = ConceptGraph.of(t);
    for (String id : ids) {
      assertEquals(t.ordinal(id), g.ordinal(id), id);
      assertEquals(ids.indexOf(id), g.ordinal(id), id);
    }
    assertEquals("azaz".hashCode(), "b[b[".hashCode());
    assertEquals(-1, g.ordinal("azazb[")); // equal hash to none of them
    assertEquals(-1, g.ordinal("AZAZ")); // not the same string
    assertEquals(-1, g.ordinal("b[b")); // a prefix
  }

  @Test
  void anEmptyTaxonomyKnowsNoId() {
    ConceptGraph g = ConceptGraph.of(Taxonomy.of(List.of()));
    assertEquals(-1, g.ordinal("python"));
    assertEquals(0, g.size());
  }

  @Test
  void aNullIdIsRefusedAsTheTaxonomyRefusesIt() {
    ConceptGraph g = ConceptGraph.of(Taxonomy.defaults());
    assertThrows(NullPointerException.class, () -> Taxonomy.defaults().ordinal(null));
    assertThrows(NullPointerException.class, () -> g.ordinal(null));
  }
}
