package org.rolematch.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.model.Kind;

class TaxonomyTest {
  private static Taxonomy read(String json) throws IOException {
    return TaxonomyReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  @Test
  void defaultTaxonomyIsLargeAndCoversEveryConceptKind() {
    Taxonomy t = Taxonomy.defaults();
    assertTrue(t.size() >= 400, "bundled taxonomy has " + t.size() + " concepts");
    for (Kind k : List.of(Kind.DEGREE, Kind.FIELD_OF_STUDY, Kind.PROGRAMMING_LANGUAGE, Kind.ML_FRAMEWORK,
        Kind.RESEARCH_AREA, Kind.DATA_TECHNOLOGY, Kind.TOOL, Kind.SKILL, Kind.SOFT_SKILL, Kind.LOCATION)) {
      assertFalse(t.idsOfKind(k).isEmpty(), "no concept of kind " + k);
    }
  }

  @Test
  void defaultTaxonomyKnowsUsualSpellingsAndBroaderConcepts() {
    Taxonomy t = Taxonomy.defaults();
    assertEquals(List.of("tensorflow"), t.lookup("Tensorflow"));
    assertEquals(List.of("c++"), t.lookup("cpp"));
    assertTrue(t.lookup("NLP").contains("natural language processing"));
    assertTrue(t.lookup("M.S.").contains("master"));
    assertTrue(t.lookup("doctorate").contains("phd"));
    assertTrue(t.isA("pytorch", "ml framework"));
    assertTrue(t.isA("deep learning", "machine learning"));
    assertTrue(t.relatedFields("statistics", "mathematics"));
    assertFalse(t.relatedFields("computer science", "marketing"));
  }

  @Test
  void broaderRelationIsTransitiveAndSiblingsShareAParent() {
    Taxonomy t = Taxonomy.of(List.of(
        new Concept("ml framework", Kind.ML_FRAMEWORK, List.of(), List.of(), List.of(), List.of()),
        new Concept("dl framework", Kind.ML_FRAMEWORK, List.of(), List.of(), List.of(), List.of("ml framework")),
        new Concept("pytorch", Kind.ML_FRAMEWORK, List.of(), List.of(), List.of(), List.of("dl framework")),
        new Concept("jax", Kind.ML_FRAMEWORK, List.of(), List.of(), List.of(), List.of("dl framework"))));
    assertTrue(t.isA("pytorch", "ml framework"));
    assertFalse(t.isA("ml framework", "pytorch"));
    assertTrue(t.siblings("pytorch", "jax"));
    assertFalse(t.siblings("pytorch", "pytorch"));
  }

  @Test
  void unknownBroaderIsNamedInTheError() {
    TaxonomyException e = assertThrows(TaxonomyException.class, () -> read(
        "{\"concepts\":[{\"id\":\"pytorch\",\"kind\":\"ml_framework\",\"broader\":[\"nope\"]}]}"));
    assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("test.json"), e.getMessage());
  }

  @Test
  void cyclesAreRejected() {
    TaxonomyException e = assertThrows(TaxonomyException.class, () -> read(
        "{\"concepts\":[{\"id\":\"a\",\"kind\":\"skill\",\"broader\":[\"b\"]},"
            + "{\"id\":\"b\",\"kind\":\"skill\",\"broader\":[\"a\"]}]}"));
    assertTrue(e.getMessage().contains("cycle"), e.getMessage());
  }

  @Test
  void badShapesGetClearMessages() {
    assertTrue(assertThrows(TaxonomyException.class, () -> read("")).getMessage().contains("empty"));
    assertTrue(assertThrows(TaxonomyException.class, () -> read("{\"concepts\": 3}"))
        .getMessage().contains("'concepts'"));
    assertTrue(assertThrows(TaxonomyException.class, () -> read(
        "{\"concepts\":[{\"id\":\"a\",\"kind\":\"wizardry\"}]}")).getMessage().contains("wizardry"));
    assertTrue(assertThrows(TaxonomyException.class, () -> read(
        "{\"concepts\":[{\"id\":\"a\",\"kind\":\"skill\",\"alias\":[\"x\"]}]}")).getMessage()
        .contains("unknown field 'alias'"));
    assertTrue(assertThrows(TaxonomyException.class, () -> read("{\"concepts\":[")).getMessage()
        .contains("not valid JSON"));
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThrows(TaxonomyException.class, () -> read(deep));
  }

  @Test
  void usersExtendTheDefaultWithTheirOwnFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("mine.json");
    Files.writeString(f, "{\"format\":\"rolematch-taxonomy\",\"version\":1,\"concepts\":["
        + "{\"id\":\"quarkus\",\"kind\":\"tool\",\"aliases\":[\"Quarkus\"],\"broader\":[]},"
        + "{\"id\":\"python\",\"kind\":\"programming_language\",\"aliases\":[\"py3\"]}]}");
    Taxonomy mine = Taxonomy.load(f);
    assertEquals(2, mine.size());
    Taxonomy both = Taxonomy.defaults().extendedWith(mine);
    assertEquals(Taxonomy.defaults().size() + 1, both.size());
    assertEquals(List.of("python"), both.lookup("py3"));
    assertTrue(both.contains("quarkus"));
  }

  @Test
  void anExtensionFileMayPlaceItsConceptsUnderTheDefaults(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("company.json");
    Files.writeString(f, "{\"concepts\":[{\"id\":\"quill\",\"kind\":\"tool\","
        + "\"ambiguousAliases\":[\"Quill\"],\"broader\":[\"web framework\"]}]}");
    Taxonomy t = Taxonomy.defaults().extendedWith(f);
    assertTrue(t.isA("quill", "web framework"));
    assertThrows(TaxonomyException.class, () -> Taxonomy.load(f),
        "alone, the file names a broader concept it does not define");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"concepts\":[{\"id\":\"x\",\"kind\":\"tool\",\"broader\":[\"nowhere\"]}]}");
    assertTrue(assertThrows(TaxonomyException.class, () -> Taxonomy.defaults().extendedWith(bad))
        .getMessage().contains("bad.json"));
  }
}
