package org.rolematch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.ingest.ResumeParser;

/** The comparison of score.py's {@code resumes} mode, case by case. */
class ResumeEvaluationTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode j(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void normalisesLikeScorePy() {
    assertEquals("machine learning", ResumeEvaluation.norm("  ML "));
    assertEquals("scikit-learn", ResumeEvaluation.norm("Scikit   Learn"));
    assertEquals("master", ResumeEvaluation.norm("MS"));
    assertEquals("phd", ResumeEvaluation.norm("Ph.D."));
    assertEquals("none", ResumeEvaluation.norm(null));
    assertEquals("graph analysis", ResumeEvaluation.norm("Graph\tAnalysis"));
  }

  @Test
  void itemsAreDegreesFieldsAndKindAgnosticConcepts() {
    JsonNode doc = j("""
        {"degrees": [{"level": "MS", "field": "CS", "status": "in_progress"},
                     {"level": "bachelor", "field": null, "status": null}],
         "tool": ["git", "Docker"], "skill": ["git"], "research_area": ["NLP"]}
        """);
    assertEquals(Set.of("degree:master:in_progress", "field:computer science",
        "degree:bachelor:completed", "concept:git", "concept:docker",
        "concept:natural language processing"),
        ResumeEvaluation.values(ResumeEvaluation.items(doc)));
  }

  @Test
  void countsAsScorePyDoes() {
    ResumeEvaluation e = new ResumeEvaluation();
    // tp: degree, field, python, pytorch (listed under another kind), git; fp: docker;
    // fn: sql, ranking
    e.add("a.json",
        j("""
            {"degrees": [{"level": "master", "field": "computer science",
                          "status": "completed", "end_year": 2020}],
             "years_experience": 4, "programming_language": ["python"],
             "ml_framework": ["pytorch"], "data_technology": ["sql"], "tool": ["git"],
             "research_area": ["ranking"], "publications": 2}
            """),
        j("""
            {"degrees": [{"level": "master", "field": "Computer Science",
                          "status": "completed"}],
             "years_experience": 5, "programming_language": ["Python"],
             "tool": ["pytorch", "git", "docker"], "publications": 2}
            """));
    // nothing predicted for the second document
    e.add("b.json", j("{\"years_experience\": 2, \"skill\": [\"sales\"], \"publications\": 1}"),
        (JsonNode) null);
    Prf all = e.items();
    assertEquals(new Prf(5, 1, 3), all);
    assertEquals(new Prf(1, 0, 0), e.itemsOfType("degree"));
    assertEquals(new Prf(1, 0, 0), e.itemsOfType("field"));
    assertEquals(new Prf(3, 1, 3), e.itemsOfType("concept"));
    assertEquals(new Prf(1, 0, 0), e.itemsOfKind("ml_framework"), "under the gold's list");
    assertEquals(new Prf(1, 1, 0), e.itemsOfKind("tool"), "docker counts under the predicted list");
    assertEquals(new Prf(0, 0, 1), e.itemsOfKind("skill"));
    assertEquals((1 + 2) / 2.0, e.yearsMae(), 1e-12);
    assertEquals(1, e.publicationsExact());
    assertEquals(0.5, e.publicationsRate(), 1e-12);
    assertEquals(5 / 6.0, all.precision(), 1e-12);
    assertEquals(5 / 8.0, all.recall(), 1e-12);
    String report = e.report();
    assertTrue(report.contains("a.json") && report.contains("years MAE 1.50"), report);
    assertThrows(IllegalArgumentException.class, () -> e.itemsOfKind("soft_skill"));
  }

  @Test
  void anEmptyPredictionAgainstEmptyGoldIsPerfect() {
    ResumeEvaluation e = new ResumeEvaluation();
    e.add("x.json", j("{}"), j("{}"));
    assertEquals(1.0, e.items().f1());
    assertEquals(0.0, e.yearsMae());
  }

  @TempDir Path dir;

  @Test
  void runsAParserOverAFolderAndReportsMissingResumes() throws Exception {
    Path resumes = Files.createDirectories(dir.resolve("resumes"));
    Path gold = Files.createDirectories(dir.resolve("gold"));
    Files.writeString(resumes.resolve("a.txt"), """
        Jo Example

        EXPERIENCE
        Data Engineer, Acme | Jul 2020 – Present

        EDUCATION
        B.S. in Computer Science, Lakeside University, 2020

        SKILLS
        Python, SQL
        """, StandardCharsets.UTF_8);
    Files.writeString(gold.resolve("a.json"), """
        {"degrees": [{"level": "bachelor", "field": "computer science", "status": "completed",
                      "end_year": 2020}],
         "years_experience": 5, "programming_language": ["python"], "data_technology": ["sql"]}
        """, StandardCharsets.UTF_8);
    Files.writeString(gold.resolve("b.json"), "{\"years_experience\": 1}");
    ResumeParser parser = ResumeParser.builder().asOf(LocalDate.of(2025, 7, 1)).build();
    ResumeEvaluation e = ResumeEvaluation.run(resumes, gold, parser);
    assertEquals(2, e.documents().size());
    assertEquals(new Prf(4, 0, 0), e.items());
    assertEquals(0.5, e.yearsMae(), 1e-12, "b predicts nothing: off by one year");
    assertEquals(1, e.failures().size());
    assertTrue(e.failures().get(0).contains("b.txt"), e.failures().toString());
  }
}
