package org.rolematch.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.rolematch.Matcher;
import org.rolematch.bench.data.SyntheticData;
import org.rolematch.index.RoleIndex;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Building the role index in memory: one operation adds {@code n} pre-generated roles to an
 * empty in-memory {@link Matcher} (opened outside the measured time) in batches of 10,000 ({@link Matcher#addRoles}, each batch
 * visible to searches on return), then ranks roles for one profile: the per-segment search
 * structures are built lazily by the first search that meets a segment, so that search is part
 * of the build (the index is ready to search at the end of the operation). Single shot: time per
 * build; roles/s = n / time. Target: at least 100k roles/s.
 *
 * <p>Memory, measured once in the setup on a {@link RoleIndex} of the same roles and reported as
 * secondary results (and printed): {@code structureBytesPerRole}, the heap of the search
 * structures beyond the stored records ({@link RoleIndex#structureBytes()} / n; target at most
 * 300 bytes at 1M roles), and {@code heapBytesPerRole}, the whole heap the index holds (Lucene's
 * in-memory directory with the stored records and doc values, plus the structures) / n.
 *
 * <p>Before its warm-up iterations, each fork builds the index untimed until it has added at
 * least {@value #WARMUP_ROLES} roles (one build at 1M): the JIT and the collector's sizing of
 * the young generation take about that many roles to settle. With one warm-up build the
 * measured builds were mostly that settling: a 10k build took 230 ms in them and 80 ms once
 * settled, a 100k build 1.2-1.6 s and 1.0 s. On one core the 100k builds were still settling
 * after that and two timed warm-up builds (1.27, 1.08, 0.93 s, then 0.76-0.80 s from the fifth
 * build on, session 10), so the fork warms up with four builds and measures five.
 *
 * <p>Run: {@code ./bench IndexBuild}, or {@code java -jar matcher-bench/target/benchmarks.jar
 * IndexBuild -p n=1000000}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class IndexBuildBenchmark {
  @Param({"10000", "100000", "1000000"})
  public int n;

  /** Roles each fork adds in untimed builds before its warm-up iterations. */
  static final int WARMUP_ROLES = 1_000_000;

  private List<List<Role>> batches;
  private CandidateProfile probe;
  private Matcher built;
  private long structureBytes;
  private long heapBytes;

  /** The memory figures, reported by JMH as secondary results of every iteration. */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Memory {
    /** Heap of the search structures per role. */
    public long structureBytesPerRole;
    /** Heap of the whole in-memory index per role. */
    public long heapBytesPerRole;
  }

  /** Generates the roles and measures the memory of one index of them. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    SyntheticData data = SyntheticData.defaults();
    batches = new ArrayList<>();
    List<Role> batch = new ArrayList<>(BenchSupport.BATCH);
    for (int i = 0; i < n; i++) {
      batch.add(data.role(i));
      if (batch.size() == BenchSupport.BATCH || i == n - 1) {
        batches.add(batch);
        batch = new ArrayList<>(BenchSupport.BATCH);
      }
    }
    probe = data.profile(BenchSupport.QUERY_BASE);
    ClauseEvaluator eval = ClauseEvaluator.of(Taxonomy.defaults(), ScoringPolicy.defaults());
    long before = BenchSupport.usedHeapAfterGc();
    try (RoleIndex index = RoleIndex.open(null, eval)) {
      for (List<Role> b : batches) {
        index.addAll(b);
      }
      structureBytes = index.structureBytes(); // builds the (lazy) structures
      heapBytes = BenchSupport.usedHeapAfterGc() - before;
    }
    BenchSupport.note("role index of %d roles: search structures %d bytes/role, whole index "
        + "%d bytes/role of heap", n, structureBytes / n, heapBytes / n);
    for (long added = n; added < WARMUP_ROLES; added += n) { // the build above was the first
      try (Matcher m = Matcher.builder().inMemory().build()) {
        for (List<Role> b : batches) {
          m.addRoles(b);
        }
        m.rankRoles(probe, BenchSupport.K);
      }
    }
  }

  /**
   * Opens an empty in-memory matcher outside the measured time: opening one builds the concept
   * analysis chain of the taxonomy (a fixed cost that is not index building).
   */
  @Setup(Level.Invocation)
  public void open() throws IOException {
    built = Matcher.builder().inMemory().build();
  }

  /** Adds the n roles to the empty matcher. */
  @Benchmark
  public Matcher build(Memory memory) throws IOException {
    Matcher m = built;
    for (List<Role> b : batches) {
      m.addRoles(b);
    }
    m.rankRoles(probe, BenchSupport.K); // builds the search structures of the final segments
    memory.structureBytesPerRole = structureBytes / n;
    memory.heapBytesPerRole = heapBytes / n;
    return m;
  }

  /** Closes the matcher of the last build, outside the measured time. */
  @TearDown(Level.Invocation)
  public void close() throws IOException {
    if (built != null) {
      built.close();
      built = null;
    }
  }
}
