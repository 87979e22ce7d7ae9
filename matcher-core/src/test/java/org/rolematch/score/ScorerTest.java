package org.rolematch.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rolematch.score.Fixtures.profile;
import static org.rolematch.score.Fixtures.req;
import static org.rolematch.score.Fixtures.role;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Evidence;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.Requirement;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Role;
import org.rolematch.taxonomy.Taxonomy;

class ScorerTest {
  private final Taxonomy tax = Fixtures.smallTaxonomy();
  private final Scorer scorer = Scorer.of(tax, ScoringPolicy.defaults());

  private final Role ml = role("ml",
      req("r1", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, "python"),
      req("r2", Kind.ML_FRAMEWORK, Importance.REQUIRED, "pytorch"),
      req("r3", Kind.DATA_TECHNOLOGY, Importance.PREFERRED, "sql"),
      req("r4", Kind.SOFT_SKILL, Importance.REQUIRED, "communication"));

  @Test
  void scoreIsTheWeightedMeanAndContributionsAddUp() {
    MatchResult r = scorer.score(ml, profile("c").skill("python").skill("jax").build());
    // weights 1, 1, 0.35, 0.25; credits 1, 0.5, 0, 0.5
    double expected = 100 * (1 + 0.5 + 0 + 0.125) / 2.6;
    assertEquals(expected, r.score(), 1e-9);
    assertEquals(r.score(), r.contributionSum(), 0.0);
    assertEquals(4, r.clauses().size());
    assertEquals(List.of("r3"), r.missing().stream().map(c -> c.requirement().id()).toList());
  }

  @Test
  void aFullMatchScoresExactly100EvenWhenItsContributionsRoundAbove() {
    // weights 1.0, 0.525, 1.5: 100/3.025 times each, summed in this order, gives
    // 100.00000000000001 in double arithmetic
    Requirement preferredDegree = new Requirement("r2", Kind.DEGREE, Importance.PREFERRED,
        List.of("bachelor"), 1, DegreeLevel.BACHELOR, DegreeStatus.EITHER, 0, false,
        Evidence.of("a bachelor's is a plus"));
    Role r = role("full", req("r1", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, "python"),
        preferredDegree,
        Fixtures.degreeReq("r3", DegreeLevel.BACHELOR, DegreeStatus.EITHER, "bachelor"));
    double raw = 0;
    double total = 1.0 + 0.35 * 1.5 + 1.5;
    for (double w : new double[] {1.0, 0.35 * 1.5, 1.5}) {
      raw += w * (100.0 / total);
    }
    assertTrue(raw > 100, "the case must round above 100 unless capped: " + raw);
    MatchResult m = scorer.score(r, profile("c").skill("python")
        .degree(DegreeLevel.BACHELOR, "computer science", DegreeStatus.COMPLETED).build());
    assertEquals(3, m.withStatus(MatchStatus.MET).size());
    assertEquals(100.0, m.score(), 0.0);
    assertEquals(m.score(), m.contributionSum(), 0.0);
  }

  @Test
  void everyRandomResultAddsUp() {
    Taxonomy t = Fixtures.anyTaxonomy();
    Scorer s = Scorer.of(t, ScoringPolicy.builder().knockoutMode(KnockoutMode.PENALISE).build());
    Fixtures.RandomData data = new Fixtures.RandomData(t, 99);
    for (int i = 0; i < 2000; i++) {
      MatchResult r = s.score(data.role("r" + i), data.profile("p" + i));
      assertEquals(r.score(), r.contributionSum(), 0.0);
      assertTrue(r.score() >= 0 && r.score() <= 100, "score " + r.score());
      for (ClauseMatch c : r.clauses()) {
        assertFalse(c.reason().isBlank(), "every clause has a reason");
      }
    }
  }

  @Test
  void failedKnockoutFiltersOrPenalises() {
    Role us = role("us", req("r1", Kind.LOCATION, Importance.REQUIRED, "united states"),
        req("r2", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, "python"));
    CandidateProfile toronto = profile("c").location("Toronto").skill("python").build();
    MatchResult filtered = scorer.score(us, toronto);
    assertFalse(filtered.eligible());
    assertEquals(50.0, filtered.score(), 1e-9);
    assertTrue(scorer.rankRoles(List.of(us), toronto, 5, r -> true).isEmpty());
    Scorer pen = Scorer.of(tax, ScoringPolicy.builder().knockoutMode(KnockoutMode.PENALISE)
        .build());
    MatchResult penalised = pen.score(us, toronto);
    assertFalse(penalised.eligible());
    assertEquals(25.0, penalised.score(), 1e-9);
    assertEquals(penalised.score(), penalised.contributionSum(), 0.0);
    Scorer ign = Scorer.of(tax, ScoringPolicy.builder().knockoutMode(KnockoutMode.IGNORE)
        .build());
    assertTrue(ign.score(us, toronto).eligible());
  }

  @Test
  void hardRequirementIsAKnockout() {
    Role r = role("h", req("r1", Kind.ML_FRAMEWORK, Importance.REQUIRED, "pytorch")
        .withHard(true));
    assertFalse(scorer.score(r, profile("c").build()).eligible());
    assertTrue(scorer.score(r, profile("c").skill("pytorch").build()).eligible());
  }

  @Test
  void tiesAreBrokenByIdDeterministically() {
    List<Role> roles = new ArrayList<>();
    for (String id : List.of("b", "c", "a")) {
      roles.add(role(id, req("r1", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, "python")));
    }
    List<MatchResult> top = scorer.rankRoles(roles, profile("c").skill("python").build(), 3,
        r -> true);
    assertEquals(List.of("a", "b", "c"), top.stream().map(MatchResult::roleId).toList());
  }

  @Test
  void roleWithoutRequirementsScoresZero() {
    MatchResult r = scorer.score(role("empty"), profile("c").skill("python").build());
    assertEquals(0.0, r.score());
    assertTrue(r.clauses().isEmpty());
  }

  @Test
  void profilesThatDifferOnlyInIdScoreIdentically() {
    Taxonomy t = Fixtures.anyTaxonomy();
    Scorer s = Scorer.of(t, ScoringPolicy.defaults());
    Fixtures.RandomData data = new Fixtures.RandomData(t, 17);
    for (int i = 0; i < 300; i++) {
      Role r = data.role("r" + i);
      CandidateProfile p = data.profile("alice-" + i);
      MatchResult a = s.score(r, p);
      MatchResult b = s.score(r, p.withId("zz-other-" + i));
      assertEquals(a.score(), b.score(), 0.0);
      assertEquals(a.eligible(), b.eligible());
    }
  }
}
