package org.rolematch.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ParsedPosting;
import org.rolematch.ingest.PostingParser;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Fuzzes the schema.org {@code JobPosting} JSON-LD reader: any bytes (read as UTF-8, malformed
 * sequences replaced) give roles or a {@link ParseException} naming the source; never another
 * exception. Saved inputs: {@code src/test/resources/org/rolematch/fuzz/JsonLdPostingFuzzTestInputs/}.
 */
class JsonLdPostingFuzzTest {
  private static final PostingParser PARSER =
      PostingParser.of(Taxonomy.defaults()).withMaxChars(1 << 16);

  @FuzzTest(maxDuration = "3m")
  void anyJsonLdParsesOrIsRefusedWithAReason(byte[] input) {
    String json = new String(input, StandardCharsets.UTF_8);
    ParsedPosting p;
    try {
      p = PARSER.parseJsonLd(json, "fuzz.json");
    } catch (ParseException e) {
      FuzzChecks.refusal(e, "fuzz.json");
      return;
    }
    FuzzChecks.roles(p.roles(), -1);
  }
}
