package org.rolematch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.Matcher;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Crash safety with real crashes: a child JVM ({@link CrashChild}) writes roles through an
 * on-disk {@link Matcher}, committing in numbered batches, and is killed with {@code
 * destroyForcibly} (SIGKILL, as {@code kill -9}) at a random moment, round after round, on the same
 * index. After each kill: Lucene's {@link CheckIndex} finds both indexes clean; the index opens;
 * it holds exactly the roles of one commit {@code j} at least as late as the last commit the child
 * reported before it died (commits are atomic: nothing uncommitted survives, nothing committed is
 * lost), every role equal to what was written; and rankings for seeded profiles equal a
 * brute-force ranking of those roles.
 *
 * <p>Two rounds run in every build; {@code -Pslow} runs twelve.
 */
class KillNineCrashTest {
  static final long SEED = 20250701L;

  @TempDir Path dir;

  @Test
  void committedRolesSurviveKillNine() throws Exception {
    rounds(2, 11L);
  }

  @Test
  @Tag("slow")
  void committedRolesSurviveTwelveKillNineRounds() throws Exception {
    rounds(12, 12L);
  }

  void rounds(int n, long killSeed) throws Exception {
    Random rnd = new Random(killSeed);
    Generated data = new Generated(Taxonomy.defaults(), SEED);
    ClauseEvaluator eval = ClauseEvaluator.of(Taxonomy.defaults(), ScoringPolicy.defaults());
    List<CandidateProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      profiles.add(data.profile("candidate-" + i));
    }
    Path index = dir.resolve("index");
    int before = 0;
    int totalCommits = 0;
    List<String> figures = new ArrayList<>();
    for (int round = 1; round <= n; round++) {
      long killAfterMs = 200 + rnd.nextInt(2300);
      Child child = Child.start(index, SEED);
      assertTrue(child.ready.await(120, TimeUnit.SECONDS), "the child did not start:\n" + child.log);
      Thread.sleep(killAfterMs);
      child.process.destroyForcibly();
      assertTrue(child.process.waitFor(60, TimeUnit.SECONDS), "the child did not die");
      child.reader.join(10_000);
      int reported = child.committed.get();

      // the index as the crash left it
      for (String sub : List.of("roles", "candidates")) {
        Path p = index.resolve(sub);
        if (Files.isDirectory(p)) {
          try (Directory d = FSDirectory.open(p); CheckIndex check = new CheckIndex(d)) {
            CheckIndex.Status status = check.checkIndex();
            assertTrue(status.clean, "CheckIndex of " + p + " after round " + round + " is not clean");
          }
        }
      }
      try (Matcher m = Matcher.builder().directory(index).build()) {
        int j = m.role(CrashChild.MARKER)
            .map(r -> Integer.parseInt(r.title().substring("commit ".length()))).orElse(0);
        assertTrue(j >= reported, "commit " + reported + " was reported, the index holds " + j);
        assertTrue(j >= before, "commits went back from " + before + " to " + j);
        Map<String, Role> expected = CrashChild.expected(data, j);
        assertEquals(expected.size(), m.roleCount(), "roles after commit " + j);
        for (Role r : expected.values()) {
          Optional<Role> got = m.role(r.id());
          assertTrue(got.isPresent(), "role " + r.id() + " of commit " + j + " is lost");
          assertEquals(r, got.get(), "role " + r.id() + " is not as written");
        }
        Generated.Compiled reference = new Generated.Compiled(eval, expected.values());
        for (CandidateProfile p : profiles) {
          assertEquals(reference.top(eval, p, 10), Generated.hits(m.rankRoles(p, 10)),
              "ranking for " + p.id() + " after commit " + j);
        }
        figures.add(String.format(Locale.ROOT,
            "round %d: killed %d ms after start; child reported commit %d, index holds commit %d"
                + " (%d roles)", round, killAfterMs, reported, j, expected.size()));
        totalCommits += j - before;
        before = j;
      }
    }
    System.out.println("kill -9 rounds:");
    figures.forEach(System.out::println);
    assertTrue(totalCommits > 0, "no commit happened before any kill: " + figures);
  }

  /** A running child JVM and what it has printed. */
  static final class Child {
    final Process process;
    final CountDownLatch ready = new CountDownLatch(1);
    final AtomicInteger committed = new AtomicInteger();
    final StringBuffer log = new StringBuffer();
    final Thread reader;

    private Child(Process process) {
      this.process = process;
      this.reader = new Thread(this::read, "crash-child-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Child start(Path index, long seed) throws IOException {
      String java = ProcessHandle.current().info().command()
          .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
          CrashChild.class.getName(), index.toString(), Long.toString(seed));
      pb.redirectErrorStream(true);
      return new Child(pb.start());
    }

    private void read() {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("READY")) {
            ready.countDown();
          } else if (line.startsWith("COMMITTED ")) {
            committed.set(Integer.parseInt(line.substring("COMMITTED ".length()).strip()));
          } else if (log.length() < 20_000) {
            log.append(line).append('\n');
          }
        }
      } catch (IOException e) {
        // the child was killed mid-line
      }
    }
  }

}
