package org.rolematch.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rolematch.score.Fixtures.degreeReq;
import static org.rolematch.score.Fixtures.profile;
import static org.rolematch.score.Fixtures.req;
import static org.rolematch.score.Fixtures.role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.score.Fixtures;
import org.rolematch.score.MatchResult;
import org.rolematch.score.Scorer;
import org.rolematch.score.ScoringPolicy;

class RendererTest {
  private final MatchResult result = Scorer.of(Fixtures.smallTaxonomy(), ScoringPolicy.defaults())
      .score(role("ml", degreeReq("r1", DegreeLevel.PHD, DegreeStatus.COMPLETED, "phd"),
          req("r2", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, "python"),
          req("r3", Kind.ML_FRAMEWORK, Importance.PREFERRED, "pytorch"),
          req("r4", Kind.DATA_TECHNOLOGY, Importance.REQUIRED, "sql"),
          req("r5", Kind.SOFT_SKILL, Importance.REQUIRED, "teamwork")),
          profile("cand-1").degree(DegreeLevel.MASTER, "computer science",
              DegreeStatus.COMPLETED).skill("python").skill("jax").build());

  @Test
  void textHasALinePerRequirementWithMarkImportanceAndReason() {
    String text = Renderer.text().render(result);
    String[] lines = text.split("\n");
    assertEquals(6, lines.length, text);
    assertTrue(lines[0].startsWith("Role ml (ml) for cand-1: "), lines[0]);
    assertTrue(lines[1].startsWith("\u25D0 required  degree phd — has master's in computer "
        + "science, role asks for PhD"), lines[1]);
    assertTrue(lines[2].startsWith("\u2714 required  "), lines[2]);
    assertTrue(lines[3].startsWith("\u25D0 preferred "), lines[3]);
    assertTrue(lines[4].startsWith("\u2718 required  data_technology sql — shows none of sql"),
        lines[4]);
    assertTrue(lines[5].startsWith("? required  "), lines[5]);
  }

  @Test
  void markdownIsATableWithPoints() {
    String md = Renderer.markdown().render(result);
    assertTrue(md.startsWith("### Role ml (ml) for cand-1"), md);
    assertTrue(md.contains("| | Importance | Requirement | Finding | Points |"), md);
    assertEquals(5 + 2, md.lines().filter(l -> l.startsWith("|")).count());
  }

  @Test
  void jsonFollowsTheSchemaAndAddsUp() throws Exception {
    JsonNode n = new ObjectMapper().readTree(Renderer.json().render(result));
    assertEquals(JsonRenderer.SCHEMA, n.path("schema").asText());
    assertEquals("ml", n.path("role").path("id").asText());
    assertEquals("cand-1", n.path("candidate").path("id").asText());
    assertEquals(result.score(), n.path("score").asDouble(), 0.0);
    double sum = 0;
    for (JsonNode c : n.path("clauses")) {
      sum += c.path("contribution").asDouble();
      for (String f : new String[] {"id", "kind", "importance", "text", "any_of", "status",
          "credit", "weight", "contribution", "knockout", "reason", "evidence"}) {
        assertTrue(c.has(f), "clause has " + f);
      }
    }
    assertEquals(result.score(), sum, 0.0);
    assertEquals(5, n.path("clauses").size());
    assertEquals(1, n.path("summary").path("missing").asInt());
    assertEquals("missing", n.path("clauses").get(3).path("status").asText());
  }
}
