package org.rolematch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.ingest.ProfileJson;
import org.rolematch.ingest.ResumeParser;

/**
 * The resume parser on the shared development set: overall item F1 at least 0.9 and years MAE
 * at most 1.0, at the set's reference clock. Skipped when the shared folder is absent.
 */
class ResumeDevSetTest {
  static Path shared;
  static LocalDate clock;

  @BeforeAll
  static void locate() throws IOException {
    String s = System.getProperty("rolematch.shared");
    Assumptions.assumeTrue(s != null && Files.isDirectory(Path.of(s, "eval/dev/gold/resumes")),
        "skipped: the shared dev set is not available (system property rolematch.shared = " + s
            + "); run through Maven from the project root");
    shared = Path.of(s);
    clock = LocalDate.parse(new ObjectMapper()
        .readTree(Files.readString(shared.resolve("eval/dev/targets.json"))).get("clock").asText());
  }

  static ResumeEvaluation evaluate() throws Exception {
    ResumeParser parser = ResumeParser.builder().asOf(clock).build();
    return ResumeEvaluation.run(shared.resolve("eval/dev/resumes"),
        shared.resolve("eval/dev/gold/resumes"), parser);
  }

  @Test
  void meetsTheDevThresholds() throws Exception {
    ResumeEvaluation e = evaluate();
    String report = e.report();
    assertEquals(List.of(), e.failures(), report);
    assertEquals(6, e.documents().size(), report);
    assertTrue(e.items().f1() >= 0.9, "item F1 below 0.9\n" + report);
    assertTrue(e.yearsMae() <= 1.0, "years MAE above 1.0\n" + report);
    assertTrue(e.itemsOfType("degree").f1() >= 0.9, report);
  }

  @TempDir Path out;

  @Test
  void agreesWithScorePy() throws Exception {
    Path script = shared.resolve("eval/score.py");
    Assumptions.assumeTrue(Files.isRegularFile(script), "skipped: no score.py in " + shared);
    ResumeParser parser = ResumeParser.builder().asOf(clock).build();
    try (Stream<Path> s = Files.list(shared.resolve("eval/dev/resumes"))) {
      for (Path f : s.filter(f -> f.toString().endsWith(".txt")).toList()) {
        String name = f.getFileName().toString().replace(".txt", ".json");
        Files.writeString(out.resolve(name), ProfileJson.write(parser.read(f).profile()),
            StandardCharsets.UTF_8);
      }
    }
    Process p;
    try {
      p = new ProcessBuilder("python3", script.toString(), "resumes",
          shared.resolve("eval/dev/gold/resumes").toString(), out.toString())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("skipped: python3 is not available to run score.py (" + e.getMessage()
          + ")");
      return;
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
    assertEquals(0, p.exitValue(), output);
    String last = output.strip().lines().reduce((a, b) -> b).orElse("");
    ResumeEvaluation e = evaluate();
    String mine = String.format(Locale.ROOT, "resume items: P %.3f R %.3f F1 %.3f; years MAE %.2f",
        e.items().precision(), e.items().recall(), e.items().f1(), e.yearsMae());
    assertEquals(last, mine, output + "\n---\n" + e.report());
  }
}
