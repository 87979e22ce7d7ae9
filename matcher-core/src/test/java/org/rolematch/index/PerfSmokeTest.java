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

/**
 * A rough timing smoke run (not a benchmark, asserts nothing): run with environment variable
 * {@code ROLEMATCH_PERF=100000} (and {@code ROLEMATCH_PERF_PART=roles} or {@code cands} for one
 * direction), best with {@code -DenableAssertions=false}: Lucene's assertions are costly. The JMH benchmarks of matcher-bench are the real measurement.
 */
class PerfSmokeTest {
  @Test
  void printRoughTimings() throws Exception {
    String n = System.getenv("ROLEMATCH_PERF");
    assumeTrue(n != null, "set ROLEMATCH_PERF=<roles> to print rough timings");
    int roles = Integer.parseInt(n);
    Taxonomy t = Fixtures.anyTaxonomy();
    ClauseEvaluator eval = ClauseEvaluator.of(t, ScoringPolicy.defaults());
    Fixtures.RandomData data = new Fixtures.RandomData(t, 1).benchmarkSizes();
    List<Role> rs = new ArrayList<>(roles);
    for (int i = 0; i < roles; i++) {
      rs.add(data.role("r" + i));
    }
    List<CandidateProfile> ps = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ps.add(data.profile("p" + i));
    }
    String part = System.getenv("ROLEMATCH_PERF_PART");
    try (RoleIndex index = RoleIndex.open(null, eval)) {
      if (!"cands".equals(part)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < roles; i += 10_000) {
        index.addAll(rs.subList(i, Math.min(roles, i + 10_000)));
      }
      long t1 = System.nanoTime();
      System.out.printf(Locale.ROOT, "build %d roles: %.0f ms (%.0f roles/s); structures %.0f "
          + "bytes/role%n", roles, (t1 - t0) / 1e6, roles / ((t1 - t0) / 1e9),
          (double) index.structureBytes() / roles);
      double[] ms = new double[ps.size()];
      long evals = 0;
      long[] phases = new long[5];
      for (int rep = 0; rep < 2; rep++) {
        evals = 0;
        java.util.Arrays.fill(phases, 0);
        for (CandidateProfile p : ps) {
          try (RoleIndex.Snapshot snap = index.snapshot()) {
            snap.rankRoles(p, 20, RoleIndex.ALL);
            evals += snap.lastExactEvaluations;
            for (int i = 0; i < 5; i++) {
              phases[i] += snap.lastPhaseNanos[i];
            }
          }
        }
      }
      System.out.printf(Locale.ROOT, "phases (mean ms): keys %.3f guards %.3f bounds %.3f "
          + "exact %.3f results %.3f%n", phases[0] / 1e6 / ps.size(), phases[1] / 1e6 / ps.size(),
          phases[2] / 1e6 / ps.size(), phases[3] / 1e6 / ps.size(), phases[4] / 1e6 / ps.size());
      System.out.printf(Locale.ROOT, "mean exact evaluations per rankRoles: %.0f%n",
          (double) evals / ps.size());
      for (int rep = 0; rep < 3; rep++) {
        for (int i = 0; i < ps.size(); i++) {
          long a = System.nanoTime();
          index.rankRoles(ps.get(i), 20, RoleIndex.ALL);
          ms[i] = (System.nanoTime() - a) / 1e6;
        }
      }
      Arrays.sort(ms);
      System.out.printf(Locale.ROOT, "rankRoles top-20 at %d: median %.3f ms, p90 %.3f ms%n",
          roles, ms[ms.length / 2], ms[ms.length * 9 / 10]);
      // exhaustive baseline over precompiled roles
      List<CompiledRole> compiled = new ArrayList<>();
      for (Role r : rs) {
        compiled.add(CompiledRole.compile(r, eval.graph()));
      }
      ScoreSheet sheet = new ScoreSheet();
      double[] ex = new double[20];
      for (int i = 0; i < ex.length; i++) {
        CompiledProfile p = CompiledProfile.compile(ps.get(i), eval.graph());
        long a = System.nanoTime();
        double best = 0;
        for (CompiledRole r : compiled) {
          best = Math.max(best, eval.score(r, p, sheet));
        }
        ex[i] = (System.nanoTime() - a) / 1e6 + best * 0;
      }
      Arrays.sort(ex);
      System.out.printf(Locale.ROOT, "exhaustive exact scan at %d: median %.2f ms%n", roles,
          ex[ex.length / 2]);
    }
    }
    try (CandidateIndex index = CandidateIndex.open(null, eval)) {
      if ("roles".equals(part)) {
        return;
      }
      List<CandidateProfile> cs = new ArrayList<>();
      for (int i = 0; i < roles; i++) {
        cs.add(data.profile("c" + i));
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < roles; i += 10_000) {
        index.addAll(cs.subList(i, Math.min(roles, i + 10_000)));
      }
      System.out.printf(Locale.ROOT, "build %d profiles: %.0f ms%n", roles,
          (System.nanoTime() - t0) / 1e6);
      double[] ms = new double[100];
      CandidateIndex.TIGHT.reset();
      CandidateIndex.EXACT.reset();
      for (int rep = 0; rep < 3; rep++) {
        for (int i = 0; i < ms.length; i++) {
          long a = System.nanoTime();
          index.rankCandidates(rs.get(i), 20, CandidateIndex.ALL);
          ms[i] = (System.nanoTime() - a) / 1e6;
        }
      }
      Arrays.sort(ms);
      System.out.printf(Locale.ROOT, "rankCandidates: %.0f tight bounds, %.0f exact scores per query%n",
          CandidateIndex.TIGHT.sum() / 300.0, CandidateIndex.EXACT.sum() / 300.0);
      System.out.printf(Locale.ROOT, "rankCandidates top-20 at %d: median %.3f ms, p90 %.3f "
          + "ms%n", roles, ms[ms.length / 2], ms[ms.length * 9 / 10]);
    }
    long a = System.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      org.rolematch.score.Scorer.of(eval).score(rs.get(i % rs.size()), ps.get(i % ps.size()));
    }
    System.out.printf(Locale.ROOT, "explain one pair: %.1f us%n",
        (System.nanoTime() - a) / 1e3 / 10_000);
  }
}
