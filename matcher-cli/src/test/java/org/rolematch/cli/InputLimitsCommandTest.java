package org.rolematch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-input-bytes N} on the commands that read posting or resume files: a file over N is
 * refused with a message naming it, the limit, its value and the option; N large enough reads it.
 */
class InputLimitsCommandTest {
  static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
  static final Path POSTING = SAMPLES.resolve("postings/riverbend-data-engineer-basic-quals.txt");
  static final Path RESUME = SAMPLES.resolve("resumes/ravi-data-engineer.txt");

  @TempDir Path dir;

  static void refused(CliRun r, Path file, long limit) {
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains(file.toString()), "names the file\n" + r);
    assertTrue(r.err().contains("maxDocumentBytes") && r.err().contains("--max-input-bytes"),
        "names the limit and the option\n" + r);
    assertTrue(r.err().contains(String.valueOf(limit)),
        "gives the limit's value\n" + r);
  }

  @Test
  void parseRefusesAPostingOverTheLimitAndReadsItUnderALargerOne() throws IOException {
    long size = Files.size(POSTING);
    refused(CliRun.of("parse", POSTING.toString(), "--max-input-bytes", "100"), POSTING, 100);
    CliRun ok = CliRun.of("parse", POSTING.toString(), "--max-input-bytes", String.valueOf(size));
    assertEquals(0, ok.code(), ok.toString());
    assertEquals(2, CliRun.of("parse", POSTING.toString(), "--max-input-bytes", "0").code());
  }

  @Test
  void parseResumeTakesTheSameOption() throws IOException {
    refused(CliRun.of("parse-resume", RESUME.toString(), "--as-of", "2025-07-01",
        "--max-input-bytes", "100"), RESUME, 100);
    CliRun ok = CliRun.of("parse-resume", RESUME.toString(), "--as-of", "2025-07-01",
        "--max-input-bytes", String.valueOf(Files.size(RESUME)));
    assertEquals(0, ok.code(), ok.toString());
  }

  @Test
  void matchAndIndexApplyTheLimitToTheirFiles() {
    refused(CliRun.of("match", "--roles", POSTING.toString(), "--resume", RESUME.toString(),
        "--as-of", "2025-07-01", "--max-input-bytes", "100"), RESUME, 100);
    CliRun index = CliRun.of("index", "--roles", POSTING.toString(), "--index",
        dir.resolve("idx").toString(), "--max-input-bytes", "100");
    assertTrue(index.err().contains(POSTING.toString()) && index.err().contains("maxDocumentBytes"),
        index.toString());
  }
}
