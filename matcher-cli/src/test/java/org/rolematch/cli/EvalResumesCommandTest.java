package org.rolematch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.cli.ParseResumeCommandTest.Run;

class EvalResumesCommandTest {
  @TempDir Path dir;
  Path resumes;
  Path gold;

  @BeforeEach
  void folders() throws Exception {
    resumes = Files.createDirectories(dir.resolve("resumes"));
    gold = Files.createDirectories(dir.resolve("gold"));
    Files.writeString(resumes.resolve("a.txt"), ParseResumeCommandTest.RESUME,
        StandardCharsets.UTF_8);
    Files.writeString(gold.resolve("a.json"), """
        {"degrees": [{"level": "bachelor", "field": "computer science", "status": "completed",
                      "end_year": 2020}],
         "years_experience": 5, "programming_language": ["python"],
         "data_technology": ["sql", "spark", "airflow"], "tool": ["docker"]}
        """, StandardCharsets.UTF_8);
  }

  static Run run(String... args) {
    return ParseResumeCommandTest.run(args);
  }

  @Test
  void printsFiguresPerFieldAndPasses() {
    Run r = run("eval", "resumes", "--resumes", resumes.toString(), "--gold", gold.toString(),
        "--as-of", "2025-07-01", "--min-f1", "0.9", "--max-years-mae", "0.5");
    assertEquals(0, r.code(), r.out() + r.err());
    for (String s : new String[] {"degree", "field", "concept", "programming_language",
        "data_technology", "overall", "years MAE 0.00", "publications count exact: 1/1"}) {
      assertTrue(r.out().contains(s), s + " missing:\n" + r.out());
    }
  }

  @Test
  void failsBelowTheThresholds() {
    Run mae = run("eval", "resumes", "--resumes", resumes.toString(), "--gold", gold.toString(),
        "--as-of", "2023-07-01", "--max-years-mae", "1.0");
    assertEquals(1, mae.code(), "three years at the earlier clock, five in gold\n" + mae.out());
    assertTrue(mae.err().contains("years MAE 2.00"), mae.err());
    Run f1 = run("eval", "resumes", "--resumes", resumes.toString(), "--gold", gold.toString(),
        "--as-of", "2025-07-01", "--min-f1", "1.01");
    assertEquals(1, f1.code(), f1.err());
  }

  @Test
  void badFoldersAndUsage() throws Exception {
    Run r = run("eval", "resumes", "--resumes", dir.resolve("nope").toString(), "--gold",
        gold.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("nope") && r.err().contains("not a folder"), r.err());
    assertEquals(2, run("eval", "resumes", "--gold", gold.toString()).code());
    Files.writeString(gold.resolve("b.json"), "{\"years_experience\": 1}");
    Run missing = run("eval", "resumes", "--resumes", resumes.toString(), "--gold",
        gold.toString(), "--as-of", "2025-07-01");
    assertEquals(1, missing.code(), "a gold file without its resume is reported");
    assertTrue(missing.err().contains("b.txt"), missing.err());
  }

  @Test
  void devSetGate() {
    String shared = System.getProperty("rolematch.shared");
    Path dev = shared == null ? null : Path.of(shared, "eval/dev");
    Assumptions.assumeTrue(dev != null && Files.isDirectory(dev.resolve("gold/resumes")),
        "skipped: the shared dev set is not available (system property rolematch.shared = "
            + shared + ")");
    Run r = run("eval", "resumes", "--resumes", dev.resolve("resumes").toString(), "--gold",
        dev.resolve("gold/resumes").toString(), "--as-of", "2025-07-01", "--min-f1", "0.9",
        "--max-years-mae", "1.0");
    assertEquals(0, r.code(), r.out() + r.err());
  }
}
