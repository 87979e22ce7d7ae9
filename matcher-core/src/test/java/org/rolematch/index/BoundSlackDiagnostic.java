package org.rolematch.index;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledProfile;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.Fixtures;
import org.rolematch.score.ScoreSheet;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/** Prints how far the upper bounds lie above exact scores (run with ROLEMATCH_PERF set). */
class BoundSlackDiagnostic {
  @Test
  void printSlack() throws Exception {
    String n = System.getenv("ROLEMATCH_PERF");
    assumeTrue(n != null, "set ROLEMATCH_PERF=<roles> to print bound slack");
    int roles = Math.min(20000, Integer.parseInt(n));
    Taxonomy t = Fixtures.anyTaxonomy();
    ClauseEvaluator eval = ClauseEvaluator.of(t, ScoringPolicy.defaults());
    Fixtures.RandomData data = new Fixtures.RandomData(t, 1).benchmarkSizes();
    List<Role> rs = new ArrayList<>();
    for (int i = 0; i < roles; i++) {
      rs.add(data.role("r" + i));
    }
    try (RoleIndex index = RoleIndex.open(null, eval)) {
      index.addAll(rs);
      ScoreSheet sheet = new ScoreSheet();
      for (int q = 0; q < 5; q++) {
        CandidateProfile p = data.profile("p" + q);
        CompiledProfile cp = CompiledProfile.compile(p, eval.graph());
        float[] b;
        try (RoleIndex.Snapshot s = index.snapshot()) {
          b = s.bounds(p);
        }
        double[] ex = new double[roles];
        double[] slack = new double[roles];
        for (int i = 0; i < roles; i++) {
          ex[i] = eval.score(CompiledRole.compile(rs.get(i), eval.graph()), cp, sheet);
          slack[i] = b[i] - ex[i];
        }
        double[] sorted = ex.clone();
        Arrays.sort(sorted);
        double s20 = sorted[roles - 20];
        int above = 0;
        for (float x : b) {
          if (x >= s20) {
            above++;
          }
        }
        Arrays.sort(slack);
        System.out.printf(Locale.ROOT, "profile %d (%d skills): S20 %.2f, bound>=S20 %d; slack "
            + "median %.2f p90 %.2f max %.2f min %.5f%n", q, p.skills().size(), s20, above,
            slack[roles / 2], slack[roles * 9 / 10], slack[roles - 1], slack[0]);
      }
    }
  }
}
