package org.rolematch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.Matcher;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Crashes simulated in the directory, without killing anything: the state a crash leaves on disk
 * is made by hand from a live index, and the index must open at its last commit.
 *
 * <p>How, honestly: Lucene's test framework (whose {@code MockDirectoryWrapper} can crash a
 * directory) is not a dependency, and {@link Matcher} takes a path, not a Lucene directory, so a
 * failing {@code FilterDirectory} cannot be slipped in. Instead a matcher writes three commits
 * and then more, uncommitted, work (added, updated and deleted roles; with two documents per
 * segment, the near-real-time refreshes flush segment files to disk). While it is still open,
 * its folder is copied: that copy is what {@code kill -9} at this moment would leave, with every
 * file that was written complete. Then each scenario damages the copy as a crash can:
 *
 * <ul>
 *   <li>the files written after the last commit (not referenced by its {@code segments_N}) are
 *       truncated at random lengths: their data never reached the disk;
 *   <li>a random half of them is deleted;
 *   <li>a {@code pending_segments_N+1} is left behind, truncated: a commit interrupted before the
 *       rename that publishes it.
 * </ul>
 *
 * Each time: Lucene's {@link CheckIndex} is clean, the index opens, it holds exactly the roles
 * of the last commit, equal to what was written, and rankings equal a brute-force ranking of
 * those roles. (A damaged file that the last commit does reference is not a crash but a broken
 * disk; {@link ForeignIndexDirectoryTest} checks that it gives a clear error.)
 */
class SimulatedCrashTest {
  static final long SEED = 77L;

  @TempDir Path dir;

  @Test
  void anIndexOpensAtItsLastCommitWhateverTheCrashLeftBehind() throws Exception {
    Generated data = new Generated(Taxonomy.defaults(), SEED);
    ClauseEvaluator eval = ClauseEvaluator.of(Taxonomy.defaults(), ScoringPolicy.defaults());
    Path live = dir.resolve("live");
    Map<String, Role> committed = new LinkedHashMap<>();
    Path image = dir.resolve("image");
    try (Matcher m = Matcher.builder().directory(live).maxBufferedDocs(2).build()) {
      // three commits: adds, then updates and deletes
      List<Role> first = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        first.add(data.role("role-" + i, 0));
      }
      m.addRoles(first);
      first.forEach(r -> committed.put(r.id(), r));
      m.commit();
      for (int i = 40; i < 60; i++) {
        Role r = data.role("role-" + i, 0);
        m.addRole(r);
        committed.put(r.id(), r);
      }
      m.commit();
      for (int i = 0; i < 10; i++) {
        Role r = data.role("role-" + i, 1);
        m.updateRole(r);
        committed.put(r.id(), r);
        assertTrue(m.removeRole("role-" + (50 + i)));
        committed.remove("role-" + (50 + i));
      }
      m.commit();
      // then work that is never committed
      for (int i = 60; i < 90; i++) {
        m.addRole(data.role("role-" + i, 0));
      }
      for (int i = 10; i < 20; i++) {
        m.updateRole(data.role("role-" + i, 2));
        m.removeRole("role-" + (20 + i));
      }
      assertEquals(committed.size() + 30 - 10, m.roleCount(), "the uncommitted work is visible");
      copy(live, image); // kill -9 now would leave this
    }

    List<CandidateProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      profiles.add(data.profile("p" + i));
    }
    Generated.Compiled reference = new Generated.Compiled(eval, committed.values());
    Random rnd = new Random(SEED);
    List<String> figures = new ArrayList<>();
    for (String scenario : List.of("as left", "uncommitted files truncated",
        "half the uncommitted files deleted", "interrupted commit (pending_segments)")) {
      Path crash = dir.resolve("crash-" + scenario.replaceAll("[^a-z]+", "-"));
      copy(image, crash);
      int damaged = 0;
      for (String sub : List.of("roles", "candidates")) {
        Path p = crash.resolve(sub);
        Set<String> uncommitted = uncommitted(p);
        List<String> files = new ArrayList<>(uncommitted);
        switch (scenario) {
          case "uncommitted files truncated" -> {
            for (String f : files) {
              try (RandomAccessFile raf = new RandomAccessFile(p.resolve(f).toFile(), "rw")) {
                raf.setLength(raf.length() == 0 ? 0 : rnd.nextInt((int) raf.length()));
              }
              damaged++;
            }
          }
          case "half the uncommitted files deleted" -> {
            for (String f : files) {
              if (rnd.nextBoolean()) {
                Files.delete(p.resolve(f));
                damaged++;
              }
            }
          }
          case "interrupted commit (pending_segments)" -> {
            long gen;
            try (Directory d = FSDirectory.open(p)) {
              gen = SegmentInfos.getLastCommitGeneration(d);
            }
            byte[] last = Files.readAllBytes(p.resolve(segmentsName(gen)));
            Files.write(p.resolve("pending_segments_" + Long.toString(gen + 1, Character.MAX_RADIX)),
                java.util.Arrays.copyOf(last, last.length / 2));
            damaged++;
          }
          default -> { }
        }
      }
      checkClean(crash, scenario);
      try (Matcher m = Matcher.builder().directory(crash).build()) {
        assertEquals(committed.size(), m.roleCount(), scenario + ": roles of the last commit");
        for (Role r : committed.values()) {
          assertEquals(r, m.role(r.id()).orElse(null), scenario + ": role " + r.id());
        }
        assertFalse(m.role("role-60").isPresent(), scenario + ": uncommitted role survived");
        for (CandidateProfile p : profiles) {
          assertEquals(reference.top(eval, p, 10), Generated.hits(m.rankRoles(p, 10)),
              scenario + ": ranking for " + p.id());
        }
      }
      checkClean(crash, scenario + ", after reopening");
      figures.add(String.format(Locale.ROOT, "%-40s %3d files damaged; %d roles of the last commit"
          + " intact, rankings equal the reference", scenario, damaged, committed.size()));
    }
    System.out.println("simulated crashes:");
    figures.forEach(System.out::println);
  }

  static String segmentsName(long gen) {
    return gen == 0 ? "segments" : "segments_" + Long.toString(gen, Character.MAX_RADIX);
  }

  /** Index files in the folder that the latest commit does not reference. */
  static Set<String> uncommitted(Path index) throws IOException {
    Set<String> all = new TreeSet<>();
    try (Stream<Path> s = Files.list(index)) {
      s.forEach(f -> all.add(f.getFileName().toString()));
    }
    Collection<String> referenced;
    try (Directory d = FSDirectory.open(index)) {
      referenced = SegmentInfos.readLatestCommit(d).files(true);
    }
    all.removeAll(referenced);
    all.remove("write.lock");
    return all;
  }

  static void checkClean(Path root, String scenario) throws IOException {
    for (String sub : List.of("roles", "candidates")) {
      try (Directory d = FSDirectory.open(root.resolve(sub)); CheckIndex check = new CheckIndex(d)) {
        assertTrue(check.checkIndex().clean, scenario + ": CheckIndex of " + sub + " is not clean");
      }
    }
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals("write.lock")) {
          Files.copy(p, target);
        }
      }
    }
  }
}
