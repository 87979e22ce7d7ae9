package org.rolematch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.rolematch.bench.baseline.Hit;
import org.rolematch.bench.data.SyntheticData;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.MatchResult;

/** What the benchmark classes share: query items, checks, corpora on disk, heap probes. */
final class BenchSupport {
  /** Number of distinct query profiles (or roles) a benchmark cycles through. */
  static final int QUERIES = 16;
  /** Items with these indexes are queries; the indexed ones start at 0, so they never meet. */
  static final int QUERY_BASE = 50_000_000;
  static final int K = 20;
  static final int BATCH = 10_000;

  private BenchSupport() {}

  static CandidateProfile[] queryProfiles(SyntheticData data) {
    CandidateProfile[] q = new CandidateProfile[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      q[i] = data.profile(QUERY_BASE + i);
    }
    return q;
  }

  static Role[] queryRoles(SyntheticData data) {
    Role[] q = new Role[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      q[i] = data.role(QUERY_BASE + i);
    }
    return q;
  }

  static List<Hit> hits(List<MatchResult> results, boolean byRole) {
    List<Hit> out = new ArrayList<>(results.size());
    for (MatchResult m : results) {
      out.add(new Hit(byRole ? m.roleId() : m.candidateId(), m.score()));
    }
    return out;
  }

  /** Fails the setup unless both rankings are identical: ids, scores (exactly) and order. */
  static void requireSame(List<Hit> expected, List<Hit> actual, String what) {
    if (!expected.equals(actual)) {
      int i = 0;
      while (i < Math.min(expected.size(), actual.size()) && expected.get(i).equals(actual.get(i))) {
        i++;
      }
      throw new IllegalStateException(what + ": the top " + K + " differ from the exhaustive "
          + "baseline's at rank " + (i + 1) + ": expected "
          + (i < expected.size() ? expected.get(i) : "nothing") + ", got "
          + (i < actual.size() ? actual.get(i) : "nothing"));
    }
  }

  /** How many ids two top lists share, as a fraction of the first. */
  static double overlap(List<Hit> exact, List<Hit> other) {
    Set<String> ids = new HashSet<>();
    exact.forEach(h -> ids.add(h.id()));
    int shared = 0;
    for (Hit h : other) {
      shared += ids.contains(h.id()) ? 1 : 0;
    }
    return exact.isEmpty() ? 1 : shared / (double) exact.size();
  }

  static void note(String format, Object... args) {
    System.out.println("# rolematch-bench: " + String.format(Locale.ROOT, format, args));
  }

  /** Heap in use after a few full collections, in bytes. */
  static long usedHeapAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** The project root: {@code -Drolematch.root}, else the working directory. */
  static Path root() {
    return Path.of(System.getProperty("rolematch.root", ".")).toAbsolutePath().normalize();
  }

  /** The shared folder with the dev set: {@code -Drolematch.shared}, else {@code ROOT/../shared}. */
  static Path shared() {
    String s = System.getProperty("rolematch.shared");
    return s != null ? Path.of(s) : root().resolve("../shared").normalize();
  }

  /** The text files (by extension) of the folders, in name order. */
  static List<Path> files(List<Path> dirs, String... exts) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path d : dirs) {
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> s = Files.list(d)) {
        s.filter(p -> {
          String n = p.getFileName().toString();
          for (String e : exts) {
            if (n.endsWith(e)) {
              return true;
            }
          }
          return false;
        }).sorted().forEach(out::add);
      }
    }
    return out;
  }
}
