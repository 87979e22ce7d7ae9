package org.rolematch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rolematch.model.Kind;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;

class ConceptExtractorTest {
  private static Concept c(String id, Kind kind, List<String> aliases, List<String> ambiguous) {
    return new Concept(id, kind, List.of(), aliases, ambiguous, List.of());
  }

  private static final Taxonomy TAXONOMY =
      Taxonomy.of(
          List.of(
              c("java", Kind.PROGRAMMING_LANGUAGE, List.of(), List.of()),
              c("javascript", Kind.PROGRAMMING_LANGUAGE, List.of("JS"), List.of()),
              c("python", Kind.PROGRAMMING_LANGUAGE, List.of(), List.of()),
              c("c++", Kind.PROGRAMMING_LANGUAGE, List.of("cpp"), List.of()),
              c("c#", Kind.PROGRAMMING_LANGUAGE, List.of("csharp"), List.of()),
              c("c", Kind.PROGRAMMING_LANGUAGE, List.of(), List.of("C")),
              c("r", Kind.PROGRAMMING_LANGUAGE, List.of(), List.of("R")),
              c("go", Kind.PROGRAMMING_LANGUAGE, List.of("Golang"), List.of("Go")),
              c("spark", Kind.DATA_TECHNOLOGY, List.of("Apache Spark", "PySpark"), List.of("Spark")),
              c("hadoop", Kind.DATA_TECHNOLOGY, List.of(), List.of()),
              c(".net", Kind.TOOL, List.of("dotnet"), List.of()),
              c("node.js", Kind.TOOL, List.of("NodeJS"), List.of()),
              c("scikit-learn", Kind.ML_FRAMEWORK, List.of("sklearn"), List.of()),
              c("natural language processing", Kind.RESEARCH_AREA, List.of("NLP"), List.of()),
              c("machine learning", Kind.RESEARCH_AREA, List.of("ML"), List.of()),
              c("recommender systems", Kind.RESEARCH_AREA, List.of("recommendation systems"), List.of()),
              c("phd", Kind.DEGREE, List.of("Ph.D.", "PhD", "doctorate"), List.of()),
              c("master", Kind.DEGREE, List.of("MS", "M.S.", "Master's", "masters"), List.of())));

  private static final ConceptExtractor EXTRACTOR = ConceptExtractor.of(TAXONOMY);

  private static List<String> ids(String text) {
    return EXTRACTOR.extract(text).stream().map(ConceptMention::concept).toList();
  }

  @Test
  void anExtractorBuiltAfterTheThreadScannedTextExtractsAsOneBuiltOnAFreshThread()
      throws Exception {
    // building an extractor tokenizes every spelling with the thread's tokenizer, the one
    // words(...) uses: a long text scanned before (a grown buffer), or a scan left half-way by a
    // failure, must not leak into the aliases
    String text = "Python, Go, Java; natural language processing or NLP, a recommendation "
        + "system, C++, C# and scikit-learn. Strong JavaScript skills.";
    String[] fresh = new String[1];
    Thread t = new Thread(() -> fresh[0] = ConceptExtractor.of(TAXONOMY).extract(text).toString());
    t.start();
    t.join();
    ConceptExtractor.words("x ".repeat(50_000) + "Python, Go");
    assertEquals(fresh[0], ConceptExtractor.of(TAXONOMY).extract(text).toString());
    assertEquals(List.of("natural", "language", "processing"),
        ConceptExtractor.words("natural language processing"));
    assertEquals(fresh[0], ConceptExtractor.of(TAXONOMY).extract(text).toString());
  }

  @Test
  void symbolsStayPartOfTheirWords() {
    assertEquals(List.of("c++", "c#", ".net", "node.js", "scikit-learn"),
        ids("We use C++, C#, .NET, Node.js and scikit-learn."));
  }

  @Test
  void javaDoesNotFireInsideJavaScript() {
    assertEquals(List.of("javascript"), ids("Strong JavaScript skills"));
    assertEquals(List.of("java", "javascript"), ids("Java and JavaScript"));
  }

  @Test
  void multiWordAliasesMapToOneConceptWithItsOffsets() {
    String text = "Experience with natural language processing or NLP.";
    List<ConceptMention> ms = EXTRACTOR.extract(text);
    assertEquals(2, ms.size());
    assertEquals("natural language processing", ms.get(0).concept());
    assertEquals("natural language processing", text.substring(ms.get(0).start(), ms.get(0).end()));
    assertEquals("NLP", ms.get(1).surface());
  }

  @Test
  void pluralAndSingularAreOneConcept() {
    assertEquals(List.of("recommender systems"), ids("a recommendation system"));
  }

  @Test
  void goTheVerbIsNotGoTheLanguage() {
    assertEquals(List.of(), ids("Ready to go the extra mile"));
    assertEquals(List.of(), ids("Go to our careers page."));
    assertEquals(List.of("python", "go", "java"), ids("Python, Go, Java"));
    assertEquals(List.of("go"), ids("Built a Go microservice"));
    assertEquals(List.of("go"), ids("Golang"));
  }

  @Test
  void singleLetterLanguagesNeedAList() {
    assertEquals(List.of("python", "r"), ids("a scripting language (Python or R)"));
    assertEquals(List.of("java", "c", "python"), ids("Mastery of Java, C, Python"));
    assertEquals(List.of(), ids("Plan C is an option"));
    assertEquals(List.of(), ids("R&D budget"));
    assertEquals(List.of("python"), ids("python or r"), "lower-case r is not the language");
  }

  @Test
  void capitalisedAmbiguousWordMidSentenceCounts() {
    assertEquals(List.of("spark"), ids("Built features with Spark on large clusters"));
    assertEquals(List.of(), ids("Spark joy in your team"), "first word of a sentence");
    assertEquals(List.of(), ids("a spark of creativity"));
    assertEquals(List.of("spark", "hadoop"), ids("Spark, Hadoop"));
  }

  @Test
  void degreesInTheirSpellings() {
    assertEquals(List.of("phd"), ids("Ph.D. in CS"));
    assertEquals(List.of("master"), ids("Master’s in statistics"));
    assertEquals(List.of("master", "phd"), ids("M.S. or PhD"));
  }

  @Test
  void offsetsPointIntoTheOriginalText() {
    String text = "  • Proficiency in C++ and Apache Spark.\n";
    for (ConceptMention m : EXTRACTOR.extract(text)) {
      assertEquals(m.surface(), text.substring(m.start(), m.end()));
    }
    assertTrue(EXTRACTOR.extract(text).stream().anyMatch(m -> m.surface().equals("Apache Spark")));
  }

  @Test
  void hugeTokensAndControlCharactersDoNotBreakExtraction() {
    String big = "x".repeat(100_000) + " Python";
    assertEquals(List.of("python"), ids(big));
  }

  @Test
  void longRunsOfAmbiguousAliasesStayLinear() {
    String run = "Python, " + "Go, R, C, ".repeat(50_000);
    List<ConceptMention> ms = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(20), () -> EXTRACTOR.extract(run), "hang guard, not a benchmark");
    assertEquals(150_001, ms.size());
  }
}
