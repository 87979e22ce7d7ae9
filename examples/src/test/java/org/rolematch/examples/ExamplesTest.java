package org.rolematch.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.score.MatchResult;
import org.rolematch.score.MatchStatus;

/** Runs every example program, so that the README's code keeps working. */
class ExamplesTest {
  static final Path SAMPLES = Path.of("..", "samples");

  private static final class Capture {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void quickStartExplainsTheBestRole() throws Exception {
    Capture c = new Capture();
    MatchResult best = QuickStart.run(c.out);
    assertEquals("Data Analyst Intern", best.roleTitle());
    assertTrue(best.score() > 50, "score " + best.score());
    assertTrue(c.text().contains("\u2714"), c.text());
    assertEquals(best.score(), best.contributionSum(), 1e-6);
  }

  @Test
  void candidatesForRoleRanksTheSampleResumes() throws Exception {
    Capture c = new Capture();
    List<MatchResult> ranking = CandidatesForRole.run(SAMPLES, c.out);
    assertFalse(ranking.isEmpty());
    for (int i = 1; i < ranking.size(); i++) {
      assertTrue(ranking.get(i - 1).score() >= ranking.get(i).score());
    }
    assertTrue(c.text().startsWith("Candidates for Data Engineer II"), c.text());
  }

  @Test
  void customTaxonomyMakesTheInHouseFrameworkCount() throws Exception {
    Capture c = new Capture();
    MatchResult r = CustomTaxonomyAndPolicy.run(c.out);
    assertEquals(MatchStatus.MET, r.clauses().get(0).status(),
        "Quill is a concept of the extended taxonomy\n" + c.text());
  }

  @Test
  void persistentIndexGivesTheSameRankingAfterReopening(@TempDir Path dir) throws Exception {
    Capture c = new Capture();
    List<List<MatchResult>> both = PersistentIndex.run(SAMPLES, dir, c.out);
    assertEquals(both.get(0), both.get(1));
    assertTrue(c.text().contains("reopened"), c.text());
  }
}
