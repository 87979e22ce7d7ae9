package org.rolematch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseResumeCommandTest {
  /** The outcome of one run. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static final String RESUME = """
      Jordan Exampleton
      Austin, TX | jordan.ex@example.com | (512) 555-0100

      EXPERIENCE
      Data Engineer — Northwind Data | Jul 2020 – Present
      - Spark and Airflow pipelines in Python

      EDUCATION
      B.S. in Computer Science, Lakeside University, 2020

      SKILLS
      Python, SQL, Docker
      """;

  @TempDir Path dir;

  Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void writesOneJsonPerInputInTheGoldSchema() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("jordan.txt"), RESUME, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("ola.json"), "{\"work\": [{\"name\": \"Acme\", \"position\":"
        + " \"Analyst\", \"startDate\": \"2022-07\"}], \"skills\": [{\"keywords\": [\"SQL\"]}]}");
    Files.writeString(in.resolve("notes.md"), "not a resume");
    Path out = dir.resolve("out");
    Run r = run("parse-resume", in.toString(), "--out", out.toString(), "--as-of", "2025-07-01");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(out.resolve("jordan.json").toFile());
    assertEquals(5, j.get("years_experience").asInt());
    assertEquals("bachelor", j.get("degrees").get(0).get("level").asText());
    assertEquals("Austin, TX", j.get("location").asText());
    assertTrue(j.get("programming_language").toString().contains("python"));
    JsonNode ola = new ObjectMapper().readTree(out.resolve("ola.json").toFile());
    assertEquals(3, ola.get("years_experience").asInt());
    assertFalse(Files.exists(out.resolve("notes.json")));
    String written = Files.readString(out.resolve("jordan.json"));
    assertFalse(written.contains("Jordan") || written.contains("example.com")
        || written.contains("555-0100"), written);
  }

  @Test
  void theClockDecidesPresent() throws Exception {
    Path f = file("jordan.txt", RESUME);
    Run r = run("parse-resume", f.toString(), "--format", "json", "--as-of", "2022-07-01");
    assertEquals(0, r.code(), r.err());
    assertEquals(2, new ObjectMapper().readTree(r.out()).get("years_experience").asInt());
  }

  @Test
  void textShowsEachFactWithItsEvidence() throws Exception {
    Path f = file("jordan.txt", RESUME);
    Run r = run("parse-resume", f.toString(), "--as-of", "2025-07-01");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("== jordan"), r.out());
    assertTrue(r.out().contains("experience:          5 years"), r.out());
    assertTrue(r.out().contains("\"Spark and Airflow pipelines in Python\""), r.out());
    assertTrue(r.out().contains("Data Engineer · Northwind Data"), r.out());
    assertFalse(r.out().contains("example.com"), r.out());
  }

  @Test
  void aBatchReportsEachBadFileAndGoesOn() throws Exception {
    Path in = Files.createDirectories(dir.resolve("batch"));
    Files.writeString(in.resolve("a-good.txt"), RESUME, StandardCharsets.UTF_8);
    Files.write(in.resolve("b-empty.txt"), new byte[0]);
    Files.write(in.resolve("c-binary.txt"), new byte[] {0, 1, 2, 3, 'P', 'K', 0, 0});
    Files.writeString(in.resolve("d-broken.json"), "{\"work\": [");
    Files.writeString(in.resolve("e-shape.json"), "{\"work\": \"Acme\"}");
    Path out = dir.resolve("out");
    Run r = run("parse-resume", in.toString(), dir.resolve("missing.txt").toString(),
        "--out", out.toString(), "--as-of", "2025-07-01");
    assertEquals(1, r.code(), r.err());
    for (String bad : new String[] {"b-empty.txt", "c-binary.txt", "d-broken.json",
        "e-shape.json", "missing.txt"}) {
      assertTrue(r.err().contains(bad), bad + " not reported:\n" + r.err());
    }
    assertTrue(r.err().contains("'work'"), r.err());
    assertTrue(Files.exists(out.resolve("a-good.json")), "the good file is still written");
    assertTrue(r.err().contains("1 parsed, 0 empty, 5 failed"), r.err());
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    Path f = file("jordan.txt", RESUME);
    assertEquals(2, run("parse-resume").code());
    Run badDate = run("parse-resume", f.toString(), "--as-of", "01/07/2025");
    assertEquals(2, badDate.code());
    assertTrue(badDate.err().contains("YYYY-MM-DD"), badDate.err());
    assertEquals(2, run("parse-resume", f.toString(), "--format", "xml").code());
  }
}
