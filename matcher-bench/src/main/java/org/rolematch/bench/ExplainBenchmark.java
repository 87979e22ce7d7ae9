package org.rolematch.bench;

import java.io.IOException;
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
import org.rolematch.Matcher;
import org.rolematch.bench.data.SyntheticData;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.MatchResult;

/**
 * Explaining one (role, candidate) pair: the exact score with one entry per requirement (status,
 * credit, weight, evidence, reason). Target: at most 20 µs.
 *
 * <ul>
 *   <li>{@code records}: {@link Matcher#explain(Role, CandidateProfile)}, from the records;
 *   <li>{@code byId}: {@link Matcher#explain(String, String)}, of a role and a candidate already
 *       in the matcher ({@code n} of each, 1,000 unless {@code -p n=100000} says otherwise), which
 *       reads both from the indexes first;
 *   <li>{@code byIdMany}: the same over 1,024 pairs drawn at random (seeded), one per operation
 *       in turn: pairs differ in size, and each reads other documents than the last.
 * </ul>
 *
 * <p>Run: {@code ./bench Explain}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class ExplainBenchmark {
  /** Roles and candidates in the matcher. */
  @Param({"1000"})
  public int n;

  /** Random pairs of {@code byIdMany} (a power of two). */
  private static final int PAIRS = 1024;

  private Matcher matcher;
  private Role role;
  private CandidateProfile profile;
  private String[] pairRoles;
  private String[] pairCandidates;
  private int next;

  /** A matcher with n roles and candidates; the pair is role 7 and profile 7. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    SyntheticData data = SyntheticData.defaults();
    matcher = Matcher.builder().inMemory().build();
    java.util.List<Role> roles = new java.util.ArrayList<>();
    java.util.List<CandidateProfile> profiles = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      roles.add(data.role(i));
      profiles.add(data.profile(i));
    }
    matcher.addRoles(roles);
    matcher.addCandidates(profiles);
    role = roles.get(7);
    profile = profiles.get(7);
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    pairRoles = new String[PAIRS];
    pairCandidates = new String[PAIRS];
    for (int i = 0; i < PAIRS; i++) {
      pairRoles[i] = roles.get(random.nextInt(roles.size())).id();
      pairCandidates[i] = profiles.get(random.nextInt(profiles.size())).id();
    }
    MatchResult m = matcher.explain(role, profile);
    BenchSupport.note("explained pair: %d requirements, score %.2f", m.clauses().size(),
        m.score());
  }

  /** Explains the pair from its records. */
  @Benchmark
  public MatchResult records() {
    return matcher.explain(role, profile);
  }

  /** Explains the pair by ids (reads the role and the candidate from the indexes). */
  @Benchmark
  public MatchResult byId() throws IOException {
    return matcher.explain(role.id(), profile.id());
  }

  /** Explains the next of the random pairs by ids. */
  @Benchmark
  public MatchResult byIdMany() throws IOException {
    int i = next;
    next = (i + 1) & (PAIRS - 1);
    return matcher.explain(pairRoles[i], pairCandidates[i]);
  }

  /** Closes the matcher. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    matcher.close();
  }
}
