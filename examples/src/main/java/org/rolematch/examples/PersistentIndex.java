package org.rolematch.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rolematch.Matcher;
import org.rolematch.model.CandidateProfile;
import org.rolematch.score.MatchResult;

/**
 * A persistent index: roles written once to a folder, the matcher closed, the folder reopened
 * later (another process, another day) with every committed role still there.
 */
public final class PersistentIndex {
  private PersistentIndex() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("rolematch-index");
    run(Path.of(args.length > 0 ? args[0] : "samples"), dir, System.out);
  }

  /** Indexes the sample postings into {@code dir}, reopens it, and ranks; returns both rankings. */
  public static List<List<MatchResult>> run(Path samples, Path dir, PrintStream out) throws Exception {
    String resume = Files.readString(samples.resolve("resumes").resolve(firstResume(samples)));
    List<MatchResult> before;
    try (Matcher m = Matcher.builder().directory(dir).build()) {
      for (Path p : Files.list(samples.resolve("postings")).sorted().toList()) {
        if (p.toString().endsWith(".txt")) {
          m.addPosting(Files.readString(p), p.getFileName().toString().replace(".txt", ""));
        }
      }
      m.commit();
      CandidateProfile c = m.parseResume("candidate", resume);
      before = m.rankRoles(c, 3);
      out.println("indexed " + m.roleCount() + " roles into " + dir);
    }
    try (Matcher reopened = Matcher.builder().directory(dir).build()) {
      CandidateProfile c = reopened.parseResume("candidate", resume);
      List<MatchResult> after = reopened.rankRoles(c, 3);
      out.println("reopened: " + reopened.roleCount() + " roles; best: "
          + after.get(0).roleTitle() + " (" + String.format(java.util.Locale.ROOT, "%.1f", after.get(0).score()) + ")");
      return List.of(before, after);
    }
  }

  private static String firstResume(Path samples) throws java.io.IOException {
    try (var s = Files.list(samples.resolve("resumes"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted()
          .findFirst().orElseThrow(() -> new IllegalStateException("no sample resume in " + samples));
    }
  }
}
