package org.rolematch.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rolematch.bench.data.SyntheticData;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/** lucene-monitor 10.3.0 runs against the project's lucene-core and gives the exact top k. */
class MonitorBaselineTest {
  @Test
  void monitorMatchesRescoredGiveTheExhaustiveTopK() throws Exception {
    SyntheticData data = SyntheticData.defaults();
    ClauseEvaluator eval = ClauseEvaluator.of(Taxonomy.defaults(), ScoringPolicy.defaults());
    List<Role> roles = new ArrayList<>();
    ExhaustiveRoleScan.Builder b = ExhaustiveRoleScan.builder(eval);
    for (int i = 0; i < 300; i++) {
      roles.add(data.role(i));
      b.add(roles.get(i));
    }
    ExhaustiveRoleScan scan = b.build();
    try (MonitorBaseline monitor = new MonitorBaseline(roles, eval)) {
      assertEquals(300, monitor.size());
      for (int q = 0; q < 10; q++) {
        CandidateProfile p = data.profile(q);
        assertEquals(scan.rank(p, 20), monitor.rank(p, 20), "profile " + q);
        assertTrue(monitor.lastMatched > 20);
      }
    }
  }
}
