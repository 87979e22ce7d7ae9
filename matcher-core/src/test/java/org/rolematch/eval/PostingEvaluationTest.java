package org.rolematch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Evidence;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;

class PostingEvaluationTest {
  private static Requirement c(Kind k, Importance i, String... any) {
    return Requirement.anyOf("r", k, i, List.of(any), Evidence.of("x"));
  }

  private static Role role(String title, Requirement... rs) {
    java.util.List<Requirement> list = new java.util.ArrayList<>();
    for (Requirement r : rs) {
      list.add(r.withId("r" + (list.size() + 1)));
    }
    return Role.of(title, title, list);
  }

  @Test
  void titlesArePairedByWordOverlapAsTheReferenceScorerDoes() {
    assertEquals(0.5, PostingEvaluation.titleSimilarity("Research Intern, Pinterest Labs", "Research Intern"));
    assertEquals(1.0, PostingEvaluation.titleSimilarity("Data Scientist", "the data scientist"));
    assertEquals(0.0, PostingEvaluation.titleSimilarity("", "Engineer"));
  }

  @Test
  void itemsAreComparedPerPairedRoleAndSoftSkillsLeftOut() {
    Role gold = role("ML Engineer",
        c(Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, "python", "java"),
        new Requirement("d", Kind.DEGREE, Importance.REQUIRED, List.of("master"), 1, DegreeLevel.MASTER,
            DegreeStatus.COMPLETED, 0, false, Evidence.of("x")),
        c(Kind.SOFT_SKILL, Importance.REQUIRED, "communication"));
    Role pred = role("Machine Learning Engineer ML",
        c(Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, "python"),
        c(Kind.TOOL, Importance.REQUIRED, "Java"),
        c(Kind.TOOL, Importance.PREFERRED, "git"));
    PostingEvaluation e = new PostingEvaluation();
    e.add("doc", List.of(gold), List.of(pred));
    assertEquals(new Prf(1, 0, 0), e.roles());
    // python, java match (kind-agnostic, case-normalised); degree missed; git is extra
    assertEquals(new Prf(2, 1, 1), e.items());
    assertEquals(new Prf(1, 2, 2), e.strictItems());
  }

  @Test
  void rolesThatDoNotPairCountAllTheirItems() {
    PostingEvaluation e = new PostingEvaluation();
    e.add("doc", List.of(role("Sales Intern", c(Kind.TOOL, Importance.REQUIRED, "excel"))),
        List.of(role("Research Scientist", c(Kind.TOOL, Importance.REQUIRED, "excel"))));
    assertEquals(new Prf(0, 1, 1), e.roles());
    assertEquals(new Prf(0, 1, 1), e.items());
  }
}
