package org.rolematch.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ResumeParser;

/**
 * Fuzzes the JSON Resume reader from raw bytes: a profile in range, or a {@link ParseException}
 * naming the document; never another exception. Saved inputs: {@code
 * src/test/resources/org/rolematch/fuzz/JsonResumeFuzzTestInputs/}.
 */
class JsonResumeFuzzTest {
  private static final ResumeParser PARSER =
      ResumeParser.builder().asOf(LocalDate.of(2025, 7, 1)).maxBytes(1 << 16).build();

  @FuzzTest(maxDuration = "3m")
  void anyBytesGiveAProfileOrAReason(byte[] input) {
    ResumeParser.Result r;
    try {
      r = PARSER.readJsonResume("fuzz", input);
    } catch (ParseException e) {
      FuzzChecks.refusal(e, "fuzz");
      return;
    }
    FuzzChecks.profile(r.profile(), -1);
  }
}
