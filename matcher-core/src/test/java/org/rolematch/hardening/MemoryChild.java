package org.rolematch.hardening;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rolematch.Matcher;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.MatchResult;
import org.rolematch.taxonomy.Taxonomy;

/**
 * The child JVM of {@link MemoryHardeningTest}. Two modes:
 *
 * <ul>
 *   <li>{@code build DIR N}: writes N generated roles to an on-disk matcher in DIR, commits and
 *       closes; prints {@code BUILT n=N ms=...}.
 *   <li>{@code rank DIR}: opens the index in DIR (in whatever heap this JVM was given), ranks
 *       roles for {@value #QUERIES} profiles (after three warm-up rounds) and prints the heap in
 *       use after a full GC, the mean time of a ranking and the mean bytes one ranking allocates
 *       on its thread: {@code MEASURE n=1000000 heapMB=... msPerQuery=... bytesPerQuery=...}.
 * </ul>
 */
public final class MemoryChild {
  static final int QUERIES = 40;
  static final int K = 20;

  private MemoryChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    String line = switch (args[0]) {
      case "build" -> build(dir, Integer.parseInt(args[2]));
      case "rank" -> rank(dir);
      default -> throw new IllegalArgumentException("mode build or rank, not " + args[0]);
    };
    System.out.println(line);
    System.out.flush();
  }

  static String build(Path dir, int n) throws Exception {
    Generated data = new Generated(Taxonomy.defaults(), 99);
    long t = System.nanoTime();
    try (Matcher m = Matcher.builder().directory(dir).build()) {
      for (int done = 0; done < n; ) {
        int batch = Math.min(20_000, n - done);
        List<Role> roles = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
          roles.add(data.role("role-" + (done + i), 0));
        }
        m.addRoles(roles);
        done += batch;
      }
      m.commit();
    }
    return String.format(Locale.ROOT, "BUILT n=%d ms=%d", n, (System.nanoTime() - t) / 1_000_000);
  }

  static String rank(Path dir) throws Exception {
    Generated data = new Generated(Taxonomy.defaults(), 99);
    List<CandidateProfile> profiles = new ArrayList<>();
    for (int i = 0; i < QUERIES; i++) {
      profiles.add(data.profile("q" + i));
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long open = System.nanoTime();
    try (Matcher m = Matcher.builder().directory(dir).build()) {
      long opened = System.nanoTime() - open;
      // warm: the first rankings JIT-compile and size the pooled scratch arrays
      for (int rep = 0; rep < 3; rep++) {
        for (CandidateProfile p : profiles) {
          m.rankRoles(p, K);
        }
      }
      long bytes = 0;
      long nanos = 0;
      int results = 0;
      for (CandidateProfile p : profiles) {
        long a = threads.getCurrentThreadAllocatedBytes();
        long t = System.nanoTime();
        List<MatchResult> r = m.rankRoles(p, K);
        nanos += System.nanoTime() - t;
        bytes += threads.getCurrentThreadAllocatedBytes() - a;
        results += r.size();
      }
      System.gc();
      Thread.sleep(200);
      System.gc();
      double heapMb = memory.getHeapMemoryUsage().getUsed() / 1048576.0;
      return String.format(Locale.ROOT, "MEASURE n=%d heapMB=%.1f msPerQuery=%.2f bytesPerQuery=%d"
          + " results=%d openMs=%d maxHeapMB=%d", m.roleCount(), heapMb,
          nanos / 1e6 / profiles.size(), bytes / profiles.size(), results / profiles.size(),
          opened / 1_000_000, Runtime.getRuntime().maxMemory() / 1048576);
    }
  }
}
