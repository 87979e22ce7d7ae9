package org.rolematch.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rolematch.bench.data.SyntheticData;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.Scorer;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

class ExhaustiveCandidateScanTest {
  private final SyntheticData data = SyntheticData.defaults();

  private void agreesWithTheExactScorer(ScoringPolicy policy, int profiles, int roles) {
    ClauseEvaluator eval = ClauseEvaluator.of(Taxonomy.defaults(), policy);
    Scorer scorer = Scorer.of(eval);
    List<CandidateProfile> ps = new ArrayList<>();
    ExhaustiveCandidateScan.Builder b = ExhaustiveCandidateScan.builder(eval);
    for (int i = 0; i < profiles; i++) {
      ps.add(data.profile(i));
      b.add(ps.get(i));
    }
    ExhaustiveCandidateScan scan = b.build();
    for (int q = 0; q < roles; q++) {
      Role role = data.role(100_000 + q);
      List<Hit> all = ExhaustiveRoleScanTest.hits(
          scorer.rankCandidates(role, ps, profiles, p -> true), false);
      for (int k : new int[] {1, 20, profiles}) {
        assertEquals(all.subList(0, Math.min(k, all.size())), scan.rank(role, k),
            "role " + q + ", k " + k);
      }
    }
  }

  @Test
  void sameTopKAsTheExactScorerWithTheDefaultPolicy() {
    agreesWithTheExactScorer(ScoringPolicy.defaults(), 1000, 30);
  }

  @Test
  void sameTopKUnderOtherPolicies() {
    agreesWithTheExactScorer(ScoringPolicy.builder().knockoutMode(KnockoutMode.PENALISE)
        .siblingCredit(0.2).broaderCredit(0.4).build(), 500, 15);
    agreesWithTheExactScorer(ScoringPolicy.builder().knockoutMode(KnockoutMode.IGNORE)
        .silentKinds(Set.of()).unknownCredit(0.0).build(), 500, 15);
  }
}
