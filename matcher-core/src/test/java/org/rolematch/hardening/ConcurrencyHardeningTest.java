package org.rolematch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.Matcher;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledProfile;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.MatchResult;
import org.rolematch.score.ScoreSheet;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Eight reader threads rank roles while one writer adds, updates and deletes them and commits,
 * on an on-disk index, through the public {@link Matcher}.
 *
 * <h2>How "the same snapshot" is known</h2>
 *
 * The writer numbers its operations: before operation {@code j} it raises {@code started} to j,
 * after it returns it records state {@code j} (the version of every role slot, 0 for absent) and
 * raises {@code completed} to j. The matcher promises that a ranking sees every write that
 * returned before it started and no write that had not started when it ended, so a reader that
 * read {@code completed = a} before ranking and {@code started = b} after saw one of the states
 * {@code a..b}. After the run, every ranking is checked against a single-threaded brute-force
 * ranking of each of those states: it must equal one of them exactly (ids, scores, order). This
 * also shows that no update is lost and none is seen half-done.
 *
 * <h2>Readers never block on a commit</h2>
 *
 * The writer records when each commit began and ended; the rankings that started and finished
 * wholly inside a commit are counted. If readers waited for commits, there would be none.
 *
 * <p>Also checked: no thread throws; every result adds up to its score; at the end, and after
 * closing and reopening, the index holds exactly the writer's final state. A 4 s run is part of
 * every build; {@code -Pslow} runs 30 s.
 */
class ConcurrencyHardeningTest {
  static final int READERS = 8;
  static final int SLOTS = 150;
  static final int K = 10;
  static final int COMMIT_EVERY = 5;

  @TempDir Path dir;

  @Test
  void eightReadersAndOneWriterForFourSeconds() throws Exception {
    run(Duration.ofSeconds(4), 1);
  }

  @Test
  @Tag("slow")
  void eightReadersAndOneWriterForThirtySeconds() throws Exception {
    run(Duration.ofSeconds(30), 2);
  }

  /** One ranking a reader did: the profile, the window of states it may have seen, the result. */
  record Observation(int profile, long from, long to, List<Generated.Hit> hits, long start,
      long end) {}

  void run(Duration duration, long seed) throws Exception {
    Taxonomy taxonomy = Taxonomy.defaults();
    ClauseEvaluator eval = ClauseEvaluator.of(taxonomy, ScoringPolicy.defaults());
    Generated data = new Generated(taxonomy, seed);
    List<CandidateProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      profiles.add(data.profile("p" + i));
    }
    int[] versions = new int[SLOTS];
    int[] nextVersion = new int[SLOTS];
    List<int[]> states = new CopyOnWriteArrayList<>();
    AtomicLong started = new AtomicLong();
    AtomicLong completed = new AtomicLong();
    List<long[]> commits = new CopyOnWriteArrayList<>();
    ConcurrentLinkedQueue<Observation> seen = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    Path index = dir.resolve("index");

    try (Matcher m = Matcher.builder().directory(index).build()) {
      List<Role> initial = new ArrayList<>();
      for (int s = 0; s < SLOTS; s++) {
        versions[s] = 1;
        nextVersion[s] = 2;
        initial.add(data.role(slot(s), 1));
      }
      m.addRoles(initial);
      m.commit();
      states.add(versions.clone()); // state 0

      long deadline = System.nanoTime() + duration.toNanos();
      CountDownLatch go = new CountDownLatch(1);
      Thread writer = new Thread(() -> {
        Random rnd = new Random(seed);
        try {
          go.await();
          for (long j = 1; System.nanoTime() < deadline; j++) {
            int s = rnd.nextInt(SLOTS);
            started.set(j);
            if (versions[s] == 0) {
              versions[s] = nextVersion[s]++;
              m.addRole(data.role(slot(s), versions[s]));
            } else if (rnd.nextInt(5) < 3) {
              versions[s] = nextVersion[s]++;
              m.updateRole(data.role(slot(s), versions[s]));
            } else {
              versions[s] = 0;
              if (!m.removeRole(slot(s))) {
                throw new AssertionError("lost update: " + slot(s) + " was not there to remove");
              }
            }
            states.add(versions.clone());
            completed.set(j);
            if (j % COMMIT_EVERY == 0) {
              long t0 = System.nanoTime();
              m.commit();
              commits.add(new long[] {t0, System.nanoTime()});
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "writer");
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < READERS; t++) {
        long readerSeed = seed * 100 + t;
        readers.add(new Thread(() -> {
          Random rnd = new Random(readerSeed);
          try {
            go.await();
            while (System.nanoTime() < deadline) {
              int q = rnd.nextInt(profiles.size());
              long from = completed.get();
              long t0 = System.nanoTime();
              List<MatchResult> results = m.rankRoles(profiles.get(q), K);
              long t1 = System.nanoTime();
              long to = started.get();
              for (MatchResult r : results) {
                double sum = r.contributionSum();
                if (Math.abs(sum - r.score()) > 1e-6) {
                  throw new AssertionError(r.roleId() + ": contributions " + sum + " != " + r.score());
                }
              }
              seen.add(new Observation(q, from, to, Generated.hits(results), t0, t1));
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        }, "reader-" + t));
      }
      writer.start();
      readers.forEach(Thread::start);
      go.countDown();
      assertTimeoutPreemptively(duration.plusSeconds(60), () -> {
        writer.join();
        for (Thread r : readers) {
          r.join();
        }
      });
      assertTrue(failures.isEmpty(), "threads failed: " + failures);

      // the final state, now and after reopening
      int[] last = states.get(states.size() - 1);
      checkState(m, data, last, "at the end");
    }
    try (Matcher m = Matcher.builder().directory(index).build()) {
      checkState(m, data, states.get(states.size() - 1), "after reopening");
    }

    // every ranking equals a single-threaded ranking of a state it may have seen
    Map<Long, CompiledRole> compiled = new HashMap<>();
    Map<Long, List<Generated.Hit>> reference = new HashMap<>();
    List<CompiledProfile> cps = new ArrayList<>();
    for (CandidateProfile p : profiles) {
      cps.add(CompiledProfile.compile(p, eval.graph()));
    }
    ScoreSheet sheet = new ScoreSheet();
    long checked = 0;
    long widest = 0;
    for (Observation o : seen) {
      assertTrue(o.to() < states.size(), "state " + o.to() + " was never recorded");
      widest = Math.max(widest, o.to() - o.from());
      boolean match = false;
      for (long j = o.from(); j <= o.to() && !match; j++) {
        long key = j * 64 + o.profile();
        final long state = j;
        List<Generated.Hit> ref = reference.computeIfAbsent(key, x -> top(eval, data, compiled,
            states.get((int) state), cps.get(o.profile()), sheet));
        match = ref.equals(o.hits());
      }
      assertTrue(match, "a ranking for profile " + o.profile() + " equals no state in "
          + o.from() + ".." + o.to() + ": " + o.hits());
      checked++;
    }

    // readers during commits
    long duringCommits = 0;
    long commitNanos = 0;
    for (long[] c : commits) {
      commitNanos += c[1] - c[0];
    }
    long[] latencies = new long[seen.size()];
    int i = 0;
    for (Observation o : seen) {
      latencies[i++] = o.end() - o.start();
      for (long[] c : commits) {
        if (o.start() > c[0] && o.end() < c[1]) {
          duringCommits++;
          break;
        }
      }
    }
    Arrays.sort(latencies);
    double medianMs = latencies.length == 0 ? 0 : latencies[latencies.length / 2] / 1e6;
    double p99Ms = latencies.length == 0 ? 0 : latencies[(int) (latencies.length * 0.99)] / 1e6;
    System.out.println(String.format(Locale.ROOT, "concurrency %d s: %d writes, %d commits (%.0f ms"
            + " in commits), %d rankings by %d readers, all equal to a single-threaded ranking of a"
            + " state they could see (widest window %d states); ranking latency median %.2f ms, p99"
            + " %.2f ms; %d rankings ran wholly inside a commit",
        duration.toSeconds(), completed.get(), commits.size(), commitNanos / 1e6, checked, READERS,
        widest, medianMs, p99Ms, duringCommits));
    assertTrue(checked > 0, "no ranking was checked");
    assertTrue(commits.size() > 0, "the writer never committed");
    long median = latencies[latencies.length / 2];
    long longCommits = commits.stream().filter(c -> c[1] - c[0] > 20 * median).count();
    if (longCommits >= 3) {
      // commits long enough for many rankings: if readers waited for them, none would fit inside
      assertTrue(duringCommits > 0, longCommits + " commits took over 20 median rankings each, yet"
          + " no ranking ran wholly inside one: do readers wait for commits?");
    }
  }

  static String slot(int s) {
    return String.format(Locale.ROOT, "slot-%03d", s);
  }

  static List<Generated.Hit> top(ClauseEvaluator eval, Generated data, Map<Long, CompiledRole> compiled,
      int[] state, CompiledProfile p, ScoreSheet sheet) {
    List<Generated.Hit> all = new ArrayList<>();
    for (int s = 0; s < state.length; s++) {
      if (state[s] == 0) {
        continue;
      }
      int v = state[s];
      final int slot = s;
      CompiledRole r = compiled.computeIfAbsent((long) s * 1_000_000 + v,
          x -> CompiledRole.compile(data.role(slot(slot), v), eval.graph()));
      double score = eval.score(r, p, sheet);
      if (eval.policy().knockoutMode() == KnockoutMode.FILTER && !sheet.eligible()) {
        continue;
      }
      all.add(new Generated.Hit(slot(s), score));
    }
    all.sort(Generated.ORDER);
    return List.copyOf(all.subList(0, Math.min(K, all.size())));
  }

  static void checkState(Matcher m, Generated data, int[] state, String when) throws Exception {
    int present = 0;
    for (int s = 0; s < state.length; s++) {
      if (state[s] != 0) {
        present++;
        assertEquals(data.role(slot(s), state[s]), m.role(slot(s)).orElse(null),
            when + ": " + slot(s) + " should be version " + state[s]);
      } else {
        assertTrue(m.role(slot(s)).isEmpty(), when + ": " + slot(s) + " should be deleted");
      }
    }
    assertEquals(present, m.roleCount(), when);
  }
}
