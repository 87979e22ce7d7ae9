package org.rolematch.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rolematch.score.Fixtures.degreeReq;
import static org.rolematch.score.Fixtures.profile;
import static org.rolematch.score.Fixtures.req;
import static org.rolematch.score.Fixtures.yearsReq;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Evidence;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.taxonomy.Taxonomy;

class ClauseEvaluatorTest {
  private final ClauseEvaluator eval =
      ClauseEvaluator.of(Fixtures.smallTaxonomy(), ScoringPolicy.defaults());

  private ClauseMatch eval(Requirement r, CandidateProfile p) {
    return eval.evaluate(r, p);
  }

  @Test
  void listedConceptIsMetWithItsEvidence() {
    ClauseMatch m = eval(req("r1", Kind.ML_FRAMEWORK, Importance.REQUIRED, "pytorch"),
        profile("p").skill("pytorch").build());
    assertEquals(MatchStatus.MET, m.status());
    assertEquals(1.0, m.credit());
    assertEquals("has pytorch", m.reason());
    assertEquals(List.of(Evidence.of("uses pytorch")), m.evidence());
  }

  @Test
  void narrowerConceptMeetsABroaderListedOne() {
    ClauseMatch m = eval(req("r1", Kind.RESEARCH_AREA, Importance.REQUIRED, "machine learning"),
        profile("p").skill("recommender systems").build());
    assertEquals(MatchStatus.MET, m.status());
    assertTrue(m.reason().contains("a kind of machine learning"), m.reason());
  }

  @Test
  void siblingEarnsPartialCreditAndSaysSo() {
    ClauseMatch m = eval(req("r1", Kind.ML_FRAMEWORK, Importance.REQUIRED, "pytorch",
        "tensorflow"), profile("p").skill("jax").build());
    assertEquals(MatchStatus.PARTIAL, m.status());
    assertEquals(0.5, m.credit());
    assertEquals("knows jax, a sibling of the listed pytorch or tensorflow", m.reason());
  }

  @Test
  void broaderConceptEarnsTheBroaderCredit() {
    ClauseMatch m = eval(req("r1", Kind.ML_FRAMEWORK, Importance.REQUIRED, "pytorch"),
        profile("p").skill("deep learning framework").build());
    assertEquals(MatchStatus.PARTIAL, m.status());
    assertEquals(0.25, m.credit());
  }

  @Test
  void missingConceptIsExplained() {
    ClauseMatch m = eval(req("r1", Kind.DATA_TECHNOLOGY, Importance.REQUIRED, "sql"),
        profile("p").skill("python").build());
    assertEquals(MatchStatus.MISSING, m.status());
    assertEquals("shows none of sql", m.reason());
  }

  @Test
  void twoOfNNeedsTwoDistinctConcepts() {
    Requirement two = new Requirement("r1", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED,
        List.of("python", "java", "c++"), 2, null, null, 0, false, Evidence.of("two of"));
    assertEquals(MatchStatus.MET, eval(two, profile("p").skill("python").skill("java").build())
        .status());
    ClauseMatch one = eval(two, profile("p").skill("python").build());
    assertEquals(MatchStatus.PARTIAL, one.status());
    assertEquals(0.75, one.credit()); // python met, java and c++ siblings: (1 + 0.5) / 2
    assertTrue(one.reason().contains("1 of the 2 needed"), one.reason());
  }

  @Test
  void softSkillNotShownIsUnknownNotMissing() {
    ClauseMatch m = eval(req("r1", Kind.SOFT_SKILL, Importance.REQUIRED, "communication"),
        profile("p").build());
    assertEquals(MatchStatus.UNKNOWN, m.status());
    assertEquals(0.5, m.credit());
  }

  @Test
  void degreeOneLevelBelowIsPartial() {
    ClauseMatch m = eval(degreeReq("r1", DegreeLevel.PHD, DegreeStatus.COMPLETED, "phd"),
        profile("p").degree(DegreeLevel.MASTER, "computer science", DegreeStatus.COMPLETED)
            .build());
    assertEquals(MatchStatus.PARTIAL, m.status());
    assertEquals(0.5, m.credit());
    assertTrue(m.reason().startsWith("has master's in computer science, role asks for PhD"),
        m.reason());
  }

  @Test
  void inProgressDegreeForACompletedDegreeRoleIsANearMiss() {
    ClauseMatch m = eval(degreeReq("r1", DegreeLevel.BACHELOR, DegreeStatus.COMPLETED),
        profile("p").degree(DegreeLevel.BACHELOR, "computer science", DegreeStatus.IN_PROGRESS)
            .build());
    assertEquals(MatchStatus.PARTIAL, m.status());
    assertEquals(0.5, m.credit());
    assertTrue(m.reason().contains("still in progress"), m.reason());
  }

  @Test
  void graduateDoesNotFitARoleForStudents() {
    ClauseMatch m = eval(degreeReq("r1", DegreeLevel.MASTER, DegreeStatus.IN_PROGRESS, "master"),
        profile("p").degree(DegreeLevel.MASTER, "statistics", DegreeStatus.COMPLETED).build());
    assertEquals(0.25, m.credit());
    assertTrue(m.reason().contains("role is for students"), m.reason());
  }

  @Test
  void earlyCareerClauseIsJudgedByYearsOfExperienceOnly() {
    Requirement early = req("r1", Kind.CAREER_STAGE, Importance.REQUIRED, "early career");
    ClauseMatch student = eval(early, profile("p").years(0).build());
    assertEquals(MatchStatus.MET, student.status());
    assertEquals("no professional experience, fits an early-career role", student.reason());
    assertEquals(1.0, eval(early, profile("p").years(3).build()).credit());
    ClauseMatch some = eval(early, profile("p").years(4.5).build());
    assertEquals(MatchStatus.PARTIAL, some.status());
    assertEquals(0.5, some.credit(), 1e-12);
    ClauseMatch senior = eval(early, profile("p").years(10).build());
    assertEquals(MatchStatus.MISSING, senior.status());
    assertEquals("10 years of experience; an early-career role is for up to 3 years",
        senior.reason());
  }

  @Test
  void internshipsInAnotherFieldThanTheClauseNamesEarnPartialCredit() {
    Requirement mlInternships = req("r1", Kind.PRIOR_INTERNSHIP, Importance.REQUIRED,
        "internship", "machine learning");
    ClauseMatch below = eval(mlInternships,
        profile("p").internship("Recommender Systems Intern").build());
    assertEquals(MatchStatus.MET, below.status());
    assertEquals("1 internship, in machine learning", below.reason());
    ClauseMatch other = eval(mlInternships, profile("p").internship("Python Intern").build());
    assertEquals(MatchStatus.PARTIAL, other.status());
    assertEquals(0.5, other.credit());
    assertEquals("1 internship, none of them in machine learning", other.reason());
    // a title naming no field is given the benefit of the doubt, as is a bare count
    assertEquals(MatchStatus.MET, eval(mlInternships,
        profile("p").internship("Python Intern").internship("Summer Intern").build()).status());
    assertEquals(MatchStatus.MET, eval(mlInternships, profile("p").internships(1).build())
        .status());
    assertEquals(MatchStatus.MISSING, eval(mlInternships, profile("p").build()).status());
    // a clause that names no field is met by any internship
    assertEquals(MatchStatus.MET, eval(req("r2", Kind.PRIOR_INTERNSHIP, Importance.REQUIRED,
        "internship"), profile("p").internship("Python Intern").build()).status());
  }

  @Test
  void equivalentExperienceStandsInForADegree() {
    Requirement r = degreeReq("r1", DegreeLevel.BACHELOR, DegreeStatus.COMPLETED, "bachelor",
        "equivalent experience");
    ClauseMatch m = eval(r, profile("p").years(6).build());
    assertEquals(MatchStatus.MET, m.status());
    assertTrue(m.reason().startsWith("equivalent experience"), m.reason());
    assertEquals(MatchStatus.MISSING, eval(r, profile("p").years(1).build()).status());
  }

  @Test
  void relatedFieldEarnsPartialCreditWhenTheClauseAllowsIt() {
    Requirement marked = req("r1", Kind.FIELD_OF_STUDY, Importance.REQUIRED, "computer science",
        "related field");
    Requirement plain = req("r2", Kind.FIELD_OF_STUDY, Importance.REQUIRED, "computer science");
    CandidateProfile math = profile("p").degree(DegreeLevel.BACHELOR, "mathematics",
        DegreeStatus.COMPLETED).build();
    assertEquals(0.75, eval(marked, math).credit());
    assertEquals(0.25, eval(plain, math).credit());
    CandidateProfile mkt = profile("p").degree(DegreeLevel.BACHELOR, "marketing",
        DegreeStatus.COMPLETED).build();
    assertEquals(MatchStatus.MISSING, eval(marked, mkt).status());
  }

  @Test
  void yearsShortOfTheMinimumArePartial() {
    ClauseMatch m = eval(yearsReq("r1", 4), profile("p").years(3).build());
    assertEquals(MatchStatus.PARTIAL, m.status());
    assertEquals(0.75, m.credit());
    assertEquals("3 of 4 years", m.reason());
    ClauseMatch dom = eval(yearsReq("r2", 4, "machine learning"), profile("p").years(5).build());
    assertEquals(0.5, dom.credit());
    assertTrue(dom.reason().contains("none of it shown in machine learning"), dom.reason());
  }

  @Test
  void cityMeetsItsCountryAndSilenceIsUnknown() {
    Requirement us = req("r1", Kind.LOCATION, Importance.REQUIRED, "united states");
    assertEquals(MatchStatus.MET, eval(us, profile("p").location("Austin, TX").build()).status());
    assertEquals(MatchStatus.UNKNOWN, eval(us, profile("p").build()).status());
    ClauseMatch away = eval(us, profile("p").location("Toronto").build());
    assertEquals(MatchStatus.MISSING, away.status());
    assertTrue(away.knockout());
    assertTrue(away.failedKnockout());
  }

  @Test
  void aNearbyCityOfTheSameMetroAreaIsPartialNotAFailedKnockout() {
    Requirement office = req("r1", Kind.LOCATION, Importance.REQUIRED, "palo alto, ca");
    ClauseMatch m = eval(office, profile("p").location("San Jose").build());
    assertEquals(MatchStatus.PARTIAL, m.status());
    assertEquals(0.5, m.credit());
    assertEquals("based in San Jose, near the listed palo alto, ca", m.reason());
    assertFalse(m.failedKnockout());
    assertEquals(MatchStatus.MISSING, eval(office, profile("p").location("Austin").build())
        .status());
    // a country is not "near" another country
    assertEquals(MatchStatus.MISSING, eval(req("r2", Kind.LOCATION, Importance.REQUIRED,
        "united states"), profile("p").location("Toronto").build()).status());
  }

  @Test
  void workAuthorizationIsMetByAnyStatedAuthorisation() {
    Requirement auth = req("r1", Kind.LOCATION, Importance.REQUIRED, "work authorization");
    assertEquals(MatchStatus.MET, eval(auth, profile("p").authorizedIn("united states").build())
        .status());
    assertEquals(MatchStatus.UNKNOWN, eval(auth, profile("p").location("Austin, TX").build())
        .status());
  }

  @Test
  void publicationsAndInternshipsAreCounted() {
    Requirement pub = new Requirement("r1", Kind.PUBLICATION, Importance.PREFERRED,
        List.of("publications"), 1, null, null, 0, false, Evidence.of("papers"));
    assertEquals("3 publications", eval(pub, profile("p").publications(3).build()).reason());
    assertEquals(MatchStatus.MISSING, eval(pub, profile("p").build()).status());
    Requirement intern = new Requirement("r2", Kind.PRIOR_INTERNSHIP, Importance.REQUIRED,
        List.of("internship"), 1, null, null, 0, false, Evidence.of("internship"));
    assertEquals(MatchStatus.MET, eval(intern, profile("p").internships(1).build()).status());
  }

  @Test
  void conceptYearsBelowTheMinimumArePartial() {
    Requirement r = new Requirement("r1", Kind.ML_FRAMEWORK, Importance.REQUIRED,
        List.of("pytorch"), 1, null, null, 4, false, Evidence.of("4+ years of PyTorch"));
    ClauseMatch m = eval(r, profile("p").skill("pytorch", 2).build());
    assertEquals(MatchStatus.PARTIAL, m.status());
    assertEquals(0.5, m.credit());
    assertFalse(m.reason().isEmpty());
    assertEquals(MatchStatus.MET, eval(r, profile("p").skill("pytorch").build()).status());
  }

  @Test
  void conceptsUnknownToTheTaxonomyMatchByEquality() {
    ClauseMatch m = eval(req("r1", Kind.TOOL, Importance.REQUIRED, "frobnicator"),
        profile("p").skill("frobnicator").build());
    assertEquals(MatchStatus.MET, m.status());
  }

  @Test
  void scoreAtLeastIsTheScoreWhenItReachesTheThresholdAndBelowItOtherwise() {
    Taxonomy t = Fixtures.anyTaxonomy();
    ClauseEvaluator ev = ClauseEvaluator.of(t, ScoringPolicy.defaults());
    Fixtures.RandomData data = new Fixtures.RandomData(t, 17).benchmarkSizes();
    ScoreSheet sheet = new ScoreSheet();
    int cutShort = 0;
    for (int q = 0; q < 300; q++) {
      CompiledRole r = CompiledRole.compile(data.role("r" + q), ev.graph());
      CompiledProfile p = CompiledProfile.compile(data.profile("p" + (q % 40)), ev.graph());
      double exact = ev.score(r, p, sheet);
      double[] thresholds = {exact, Math.nextDown(exact), Math.nextUp(exact), exact - 5,
          exact + 5, 100, 0, Double.NEGATIVE_INFINITY};
      for (double th : thresholds) {
        double v = ev.scoreAtLeast(r, p, sheet, th);
        if (exact >= th) {
          assertEquals(exact, v, 0.0, "pair " + q + " at threshold " + th);
        } else {
          assertTrue(v < th, "pair " + q + " at threshold " + th + ": " + v);
          if (v == -1) {
            cutShort++;
          }
        }
      }
    }
    assertTrue(cutShort > 0, "some evaluation stopped early");
  }
}
