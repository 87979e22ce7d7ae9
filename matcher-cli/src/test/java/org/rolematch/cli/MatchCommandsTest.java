package org.rolematch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job from the command line: match, rank, index, demo, their exit codes and formats. */
class MatchCommandsTest {
  static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
  static final String POSTINGS = SAMPLES.resolve("postings").toString();
  static final String RESUMES = SAMPLES.resolve("resumes").toString();

  @TempDir Path dir;

  @Test
  void matchRanksRolesForAResumeWithExplanations() {
    CliRun r = CliRun.of("match", "--roles", POSTINGS, "--resume",
        SAMPLES.resolve("resumes/sam-robotics-undergrad.txt").toString(), "--top", "2", "--as-of", "2026-11-01");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("1. Software Engineering Intern"), r.toString());
    assertTrue(r.out().contains("\u2714 required"), r.toString());
    assertFalse(r.out().contains("3. "), "--top 2 shows two roles\n" + r);
  }

  @Test
  void aMissingResumeIsNamedAsMissing() {
    Path missing = dir.resolve("no-such-resume.txt");
    CliRun r = CliRun.of("match", "--roles", POSTINGS, "--resume", missing.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("no such file or folder: " + missing), r.toString());
  }

  @Test
  void matchJsonIsAnArrayOfDocumentedResults() throws Exception {
    CliRun r = CliRun.of("match", "--roles", POSTINGS, "--resume",
        SAMPLES.resolve("resumes/lucia-analyst.json").toString(), "--top", "3", "--format", "json",
        "--as-of", "2026-11-01");
    assertEquals(0, r.code(), r.toString());
    JsonNode arr = new ObjectMapper().readTree(r.out());
    assertEquals(3, arr.size());
    JsonNode first = arr.get(0);
    assertTrue(first.has("score") && first.has("clauses"), first.toString());
    double sum = 0;
    for (JsonNode c : first.get("clauses")) {
      sum += c.get("contribution").asDouble();
    }
    assertEquals(first.get("score").asDouble(), sum, 0.05);
  }

  @Test
  void rankFindsTheRoleByTitleAndRanksTheResumes() {
    CliRun r = CliRun.of("rank", "--roles", POSTINGS, "--resumes", RESUMES, "--role",
        "Data Engineer II", "--top", "3", "--format", "md", "--as-of", "2026-11-01");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("## Candidates for Data Engineer II"), r.toString());
    assertTrue(r.out().contains("### 1. Data Engineer II"), r.toString());
    assertFalse(r.out().contains("### 1. ###"), r.toString());
    assertTrue(r.out().indexOf("ravi-data-engineer") < r.out().indexOf("sam-robotics-undergrad")
        || !r.out().contains("sam-robotics-undergrad"), "the data engineer ranks above the student\n" + r);
  }

  @Test
  void rankCanLeaveCareerStageOutOfTheScores() {
    String[] args = {"rank", "--roles", POSTINGS, "--resumes", RESUMES, "--role",
        "Software Engineering Intern", "--top", "6", "--as-of", "2026-11-01"};
    CliRun scored = CliRun.of(args);
    assertEquals(0, scored.code(), scored.toString());
    assertTrue(scored.out().contains("An early-career role (inferred from"), scored.toString());
    assertFalse(scored.out().contains("[not scored]"), scored.toString());
    String[] ignoring = java.util.Arrays.copyOf(args, args.length + 1);
    ignoring[args.length] = "--ignore-career-stage";
    CliRun ignored = CliRun.of(ignoring);
    assertEquals(0, ignored.code(), ignored.toString());
    assertTrue(ignored.out().contains("An early-career role (inferred from"), ignored.toString());
    assertTrue(ignored.out().contains("[not scored]"), ignored.toString());
    // the experienced backend engineer scores higher once career stage is left out
    assertTrue(score(ignored.out(), "tomas-backend") > score(scored.out(), "tomas-backend"),
        scored + "\n" + ignored);
  }

  private static double score(String out, String candidate) {
    int at = out.indexOf("for " + candidate + ": ");
    assertTrue(at >= 0, out);
    String rest = out.substring(at + ("for " + candidate + ": ").length());
    return Double.parseDouble(rest.substring(0, rest.indexOf(' ')));
  }

  @Test
  void rankNamesTheProblemWhenNoRoleFits() {
    CliRun r = CliRun.of("rank", "--roles", POSTINGS, "--resumes", RESUMES, "--role", "Astronaut");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("no role has the id or title 'Astronaut'"), r.toString());
  }

  @Test
  void indexOnceThenMatchFromTheIndexAndUpdateIncrementally() throws Exception {
    Path postings = Files.createDirectories(dir.resolve("postings"));
    for (String f : new String[] {"northwind-swe-minimum-quals.txt", "riverbend-data-engineer-basic-quals.txt"}) {
      Files.copy(SAMPLES.resolve("postings").resolve(f), postings.resolve(f));
    }
    Path index = dir.resolve("idx");
    CliRun first = CliRun.of("index", "--roles", postings.toString(), "--index", index.toString());
    assertEquals(0, first.code(), first.toString());
    assertTrue(first.out().contains("2 read, 0 unchanged, 0 removed, 0 failed; 2 roles"), first.toString());

    CliRun again = CliRun.of("index", "--roles", postings.toString(), "--index", index.toString());
    assertTrue(again.out().contains("0 read, 2 unchanged"), "nothing changed, nothing re-read\n" + again);

    Files.copy(SAMPLES.resolve("postings/harbor-pine-analyst-prose.txt"), postings.resolve("harbor.txt"));
    Files.delete(postings.resolve("northwind-swe-minimum-quals.txt"));
    CliRun third = CliRun.of("index", "--roles", postings.toString(), "--index", index.toString());
    assertTrue(third.out().contains("1 read, 1 unchanged, 1 removed, 0 failed; 2 roles"), third.toString());

    CliRun match = CliRun.of("match", "--index", index.toString(), "--resume",
        SAMPLES.resolve("resumes/ravi-data-engineer.txt").toString(), "--as-of", "2026-11-01");
    assertEquals(0, match.code(), match.toString());
    assertTrue(match.out().contains("(2 roles searched)"), match.toString());
    assertFalse(match.out().contains("Search Infrastructure"), "removed posting's role is gone\n" + match);
  }

  @Test
  void demoRunsOnTheBundledSamples() {
    CliRun r = CliRun.of("demo", "--top", "2");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("RoleMatch demo: "), r.toString());
    assertTrue(r.out().contains("Resume sam-robotics-undergrad"), r.toString());
    assertTrue(r.out().contains("Why #1:"), r.toString());
  }

  @Test
  void badInputExitsOneNamingTheFileAndUsageExitsTwo() throws Exception {
    Path bin = dir.resolve("cv.txt");
    Files.write(bin, new byte[] {0, 1, 2, 3, (byte) 0xff});
    CliRun bad = CliRun.of("match", "--roles", POSTINGS, "--resume", bin.toString());
    assertEquals(1, bad.code(), bad.toString());
    assertTrue(bad.err().contains(bin.toString()), bad.toString());
    CliRun missing = CliRun.of("match", "--roles", POSTINGS, "--resume", dir.resolve("nope.txt").toString());
    assertEquals(1, missing.code(), missing.toString());
    assertTrue(missing.err().contains("nope.txt"), missing.toString());
    assertEquals(2, CliRun.of("match", "--resume", bin.toString()).code());
    assertEquals(2, CliRun.of("match", "--bogus").code());
    assertEquals(2, CliRun.of("match", "--roles", POSTINGS, "--resume", bin.toString(), "--top", "0").code());
  }

  @Test
  void everyCommandHasHelpWithExamples() {
    for (String c : new String[] {"demo", "match", "rank", "index", "parse", "parse-resume"}) {
      CliRun r = CliRun.of(c, "--help");
      assertEquals(0, r.code(), c + "\n" + r);
      assertTrue(r.out().contains("Usage: rolematch " + c), r.toString());
    }
    assertTrue(CliRun.of("match", "--help").out().contains("Examples:"));
  }

  @Test
  void progressStaysQuietWhenNotATerminal() {
    StringWriter err = new StringWriter();
    try (Progress p = new Progress(new PrintWriter(err), "indexing", 10, false)) {
      for (int i = 0; i < 10; i++) {
        p.step();
      }
    }
    assertEquals("", err.toString());
    StringWriter tty = new StringWriter();
    try (Progress p = new Progress(new PrintWriter(tty), "indexing", 3, true)) {
      for (int i = 0; i < 3; i++) {
        p.step();
      }
    }
    assertTrue(tty.toString().contains("3/3"), tty.toString());
  }
}
