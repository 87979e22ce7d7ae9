package org.rolematch.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rolematch.CandidateFilter;
import org.rolematch.Matcher;
import org.rolematch.bench.baseline.ExhaustiveCandidateScan;
import org.rolematch.bench.baseline.TfIdfIndex;
import org.rolematch.bench.data.SyntheticData;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Candidates for one role, top 20, over {@code n} synthetic profiles ({@link SyntheticData}), one
 * thread. Each operation ranks for the next of 16 query roles (not among the indexed items).
 *
 * <ul>
 *   <li>{@code rolematch}: {@link Matcher#rankCandidates(Role, int, CandidateFilter)} on an
 *       in-memory matcher (the Lucene candidate index, bounds by clause, exact scoring);
 *   <li>{@code exhaustive}: {@link ExhaustiveCandidateScan}, every profile scored exactly over
 *       concept bitsets (baseline 1); the setup of {@code rolematch} checks that both return the
 *       same top 20 for every query role and fails otherwise;
 *   <li>{@code tfidf}: {@link TfIdfIndex}, TF-IDF cosine of posting text against resume texts
 *       (baseline 2).
 * </ul>
 *
 * <p>lucene-monitor (baseline 3) stores queries and matches documents against them; in this
 * direction the profiles would be the stored queries, which is not what it is for, so it is not
 * run here.
 *
 * <p>Targets: median at most 1.5 ms at 100k profiles and 8 ms at 1M.
 *
 * <p>Run: {@code ./bench RankCandidates}, or {@code java -jar matcher-bench/target/benchmarks.jar
 * RankCandidates -p n=100000}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// six warm-up iterations, as RankRolesBenchmark: with three, the first measured iterations at
// 100k were still up to 2.5x slower than the rest
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class RankCandidatesBenchmark {
  @Param({"10000", "100000", "1000000"})
  public int n;

  @Param({"rolematch", "exhaustive", "tfidf"})
  public String strategy;

  private Role[] queries;
  private String[] queryTexts;
  private Matcher matcher;
  private ExhaustiveCandidateScan scan;
  private TfIdfIndex tfidf;
  private int next;

  /** Builds the structure of the strategy over n profiles, and checks its answers. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    SyntheticData data = SyntheticData.defaults();
    ClauseEvaluator eval = ClauseEvaluator.of(Taxonomy.defaults(), ScoringPolicy.defaults());
    queries = BenchSupport.queryRoles(data);
    queryTexts = new String[queries.length];
    for (int i = 0; i < queries.length; i++) {
      queryTexts[i] = SyntheticData.postingText(queries[i]);
    }
    long t0 = System.nanoTime();
    ExhaustiveCandidateScan.Builder b = ExhaustiveCandidateScan.builder(eval);
    for (int i = 0; i < n; i++) {
      b.add(data.profile(i));
    }
    scan = b.build();
    BenchSupport.note("exhaustive scan of %d profiles built in %.1f s", n,
        (System.nanoTime() - t0) / 1e9);
    switch (strategy) {
      case "rolematch" -> {
        matcher = Matcher.builder().inMemory().build();
        t0 = System.nanoTime();
        List<CandidateProfile> batch = new ArrayList<>(BenchSupport.BATCH);
        for (int i = 0; i < n; i++) {
          batch.add(data.profile(i));
          if (batch.size() == BenchSupport.BATCH || i == n - 1) {
            matcher.addCandidates(batch);
            batch.clear();
          }
        }
        BenchSupport.note("matcher with %d candidates built in %.1f s", matcher.candidateCount(),
            (System.nanoTime() - t0) / 1e9);
        for (Role q : queries) {
          BenchSupport.requireSame(scan.rank(q, BenchSupport.K),
              BenchSupport.hits(matcher.rankCandidates(q, BenchSupport.K, CandidateFilter.ALL),
                  false),
              "rankCandidates for " + q.id() + " over " + n + " profiles");
        }
        BenchSupport.note("rolematch top %d equals the exhaustive top %d for all %d queries",
            BenchSupport.K, BenchSupport.K, queries.length);
        scan = null;
      }
      case "exhaustive" -> { }
      case "tfidf" -> {
        t0 = System.nanoTime();
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
          ids[i] = SyntheticData.profileId(i);
        }
        tfidf = new TfIdfIndex(n, i -> SyntheticData.resumeText(data.profile(i)), ids);
        BenchSupport.note("tf-idf index of %d resumes built in %.1f s", n,
            (System.nanoTime() - t0) / 1e9);
        double sum = 0;
        for (int i = 0; i < queries.length; i++) {
          sum += BenchSupport.overlap(scan.rank(queries[i], BenchSupport.K),
              tfidf.rank(queryTexts[i], BenchSupport.K));
        }
        BenchSupport.note("tf-idf top %d holds %.0f%% of the exact top %d (mean of %d queries)",
            BenchSupport.K, 100 * sum / queries.length, BenchSupport.K, queries.length);
        scan = null;
      }
      default -> throw new IllegalArgumentException("unknown strategy '" + strategy
          + "'; use rolematch, exhaustive or tfidf");
    }
  }

  /** Ranks the top 20 candidates for the next query role. */
  @Benchmark
  public List<?> rankCandidates() throws IOException {
    int q = next++ & (BenchSupport.QUERIES - 1);
    return switch (strategy) {
      case "rolematch" -> matcher.rankCandidates(queries[q], BenchSupport.K, CandidateFilter.ALL);
      case "exhaustive" -> scan.rank(queries[q], BenchSupport.K);
      default -> tfidf.rank(queryTexts[q], BenchSupport.K);
    };
  }

  /** Releases the matcher. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (matcher != null) {
      matcher.close();
    }
  }
}
