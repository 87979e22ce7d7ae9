package org.rolematch.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ResumeParser;

/**
 * Fuzzes the plain-text resume parser from raw bytes (so strict UTF-8 decoding and the binary
 * check are fuzzed too): a profile whose figures are in range and whose evidence points into the
 * text, or a {@link ParseException} naming the source; never another exception. Saved inputs:
 * {@code src/test/resources/org/rolematch/fuzz/ResumeTextFuzzTestInputs/}.
 */
class ResumeTextFuzzTest {
  private static final ResumeParser PARSER =
      ResumeParser.builder().asOf(LocalDate.of(2025, 7, 1)).maxBytes(1 << 16).build();

  @FuzzTest(maxDuration = "3m")
  void anyBytesGiveAProfileOrAReason(byte[] input) {
    ResumeParser.Result r;
    try {
      r = PARSER.readText("fuzz", input, "fuzz.txt");
    } catch (ParseException e) {
      FuzzChecks.refusal(e, "fuzz.txt");
      return;
    }
    FuzzChecks.profile(r.profile(), -1);
  }
}
