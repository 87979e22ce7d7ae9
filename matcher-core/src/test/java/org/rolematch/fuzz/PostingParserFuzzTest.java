package org.rolematch.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HashSet;
import java.util.Set;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ParsedPosting;
import org.rolematch.ingest.PostingParser;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Fuzzes the plain-text posting parser: any text gives roles whose clauses point into the text,
 * or a {@link ParseException} with a message; never another exception. Saved inputs under
 * {@code src/test/resources/org/rolematch/fuzz/PostingParserFuzzTestInputs/} replay in every
 * {@code mvn verify}; {@code JAZZER_FUZZ=1 mvn -pl matcher-core test -Dtest=PostingParserFuzzTest}
 * fuzzes.
 */
class PostingParserFuzzTest {
  private static final PostingParser PARSER = PostingParser.of(Taxonomy.defaults()).withMaxChars(1 << 16);

  @FuzzTest(maxDuration = "3m")
  void anyTextParsesOrIsRefusedWithAReason(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    ParsedPosting p;
    try {
      p = PARSER.parse(text, "fuzz");
    } catch (ParseException e) {
      assertNotNull(e.getMessage());
      assertTrue(e.getMessage().startsWith("fuzz"), e.getMessage());
      return;
    }
    Set<String> ids = new HashSet<>();
    for (Role r : p.roles()) {
      assertTrue(ids.add(r.id()), "duplicate role id " + r.id());
      assertFalse(r.requirements().isEmpty(), "a role without requirements is dropped");
      for (Requirement q : r.requirements()) {
        if (q.evidence().hasOffsets()) {
          assertTrue(q.evidence().end() <= text.length(), "evidence beyond the text");
        }
      }
    }
  }
}
