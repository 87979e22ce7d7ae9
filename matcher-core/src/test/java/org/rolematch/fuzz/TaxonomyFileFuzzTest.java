package org.rolematch.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rolematch.taxonomy.Taxonomy;
import org.rolematch.taxonomy.TaxonomyException;
import org.rolematch.text.ConceptExtractor;

/**
 * Fuzzes the taxonomy file reader: any bytes give a taxonomy (from which a concept extractor is
 * built and run) or a {@link TaxonomyException} naming the file; never another exception. Saved
 * inputs: {@code src/test/resources/org/rolematch/fuzz/TaxonomyFileFuzzTestInputs/}.
 */
class TaxonomyFileFuzzTest {
  private static final Path FILE;

  static {
    try {
      Path dir = Files.createTempDirectory("rolematch-taxonomy-fuzz");
      dir.toFile().deleteOnExit();
      FILE = dir.resolve("fuzz-taxonomy.json");
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "3m")
  void anyFileLoadsOrIsRefusedWithAReason(byte[] input) throws IOException {
    Files.write(FILE, input);
    Taxonomy t;
    try {
      t = Taxonomy.load(FILE);
    } catch (TaxonomyException e) {
      assertTrue(e.getMessage().startsWith(FILE.toString()), e.getMessage());
      return;
    }
    ConceptExtractor x = ConceptExtractor.of(t);
    for (int i = 0; i < Math.min(t.size(), 20); i++) {
      t.ancestors(i);
      String alias = t.concept(i).aliases().isEmpty() ? t.concept(i).id() : t.concept(i).aliases().get(0);
      x.extract("Experience with " + alias + ", Python and " + t.concept(i).id() + ".");
    }
  }
}
