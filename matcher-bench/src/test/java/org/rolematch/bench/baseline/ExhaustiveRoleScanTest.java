package org.rolematch.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rolematch.bench.data.SyntheticData;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Evidence;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.MatchResult;
import org.rolematch.score.Scorer;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

class ExhaustiveRoleScanTest {
  private final SyntheticData data = SyntheticData.defaults();

  static List<Hit> hits(List<MatchResult> results, boolean byRole) {
    List<Hit> out = new ArrayList<>();
    for (MatchResult m : results) {
      out.add(new Hit(byRole ? m.roleId() : m.candidateId(), m.score()));
    }
    return out;
  }

  private void agreesWithTheExactScorer(ScoringPolicy policy, int roles, int profiles) {
    ClauseEvaluator eval = ClauseEvaluator.of(Taxonomy.defaults(), policy);
    Scorer scorer = Scorer.of(eval);
    List<Role> rs = new ArrayList<>();
    ExhaustiveRoleScan.Builder b = ExhaustiveRoleScan.builder(eval);
    for (int i = 0; i < roles; i++) {
      Role r = data.role(i);
      rs.add(r);
      b.add(r);
    }
    ExhaustiveRoleScan scan = b.build();
    for (int q = 0; q < profiles; q++) {
      CandidateProfile p = data.profile(q);
      // the ranking is a total order, so every top k is a prefix of the full ranking
      List<Hit> all = hits(scorer.rankRoles(rs, p, roles, r -> true), true);
      for (int k : new int[] {1, 20, roles}) {
        assertEquals(all.subList(0, Math.min(k, all.size())), scan.rank(p, k),
            "profile " + q + ", k " + k);
      }
    }
  }

  @Test
  void sameTopKAsTheExactScorerWithTheDefaultPolicy() {
    agreesWithTheExactScorer(ScoringPolicy.defaults(), 1000, 15);
  }

  @Test
  void sameTopKUnderOtherPolicies() {
    agreesWithTheExactScorer(ScoringPolicy.builder().knockoutMode(KnockoutMode.PENALISE)
        .siblingCredit(0.2).broaderCredit(0.4).build(), 600, 10);
    agreesWithTheExactScorer(ScoringPolicy.builder().knockoutMode(KnockoutMode.IGNORE)
        .silentKinds(java.util.Set.of()).preferredWeight(0.8).build(), 600, 10);
  }

  @Test
  void rolesWithConceptsOutsideTheTaxonomyAreScoredToo() {
    ClauseEvaluator eval = ClauseEvaluator.of(Taxonomy.defaults(), ScoringPolicy.defaults());
    List<Role> rs = new ArrayList<>();
    ExhaustiveRoleScan.Builder b = ExhaustiveRoleScan.builder(eval);
    for (int i = 0; i < 200; i++) {
      Role r = data.role(i);
      if (i % 3 == 0) {
        List<org.rolematch.model.Requirement> q = new ArrayList<>(r.requirements());
        q.add(org.rolematch.model.Requirement.anyOf("rx", org.rolematch.model.Kind.TOOL,
            org.rolematch.model.Importance.REQUIRED, List.of("frobnicator", "python"),
            org.rolematch.model.Evidence.NONE));
        r = r.withRequirements(q);
      }
      rs.add(r);
      b.add(r);
    }
    ExhaustiveRoleScan scan = b.build();
    for (int q = 0; q < 5; q++) {
      CandidateProfile p = data.profile(q);
      assertEquals(hits(Scorer.of(eval).rankRoles(rs, p, 200, r -> true), true), scan.rank(p, 200));
    }
  }

  @Test
  void refusesClauseShapesItDoesNotScoreLikeTheScorer() {
    ClauseEvaluator eval = ClauseEvaluator.of(Taxonomy.defaults(), ScoringPolicy.defaults());
    Role early = Role.of("early", "Intern", List.of(Requirement.anyOf("r1", Kind.CAREER_STAGE,
        Importance.REQUIRED, List.of("early career"), Evidence.of("Intern"))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExhaustiveRoleScan.builder(eval).add(early));
    assertTrue(e.getMessage().contains("career_stage"), e.getMessage());
    Role typed = Role.of("typed", "SWE", List.of(Requirement.anyOf("r1", Kind.PRIOR_INTERNSHIP,
        Importance.REQUIRED, List.of("internship", "software engineering"),
        Evidence.of("previous software engineering internships"))));
    assertThrows(IllegalArgumentException.class,
        () -> ExhaustiveRoleScan.builder(eval).add(typed));
  }
}
