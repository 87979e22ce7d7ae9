package org.rolematch.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.rolematch.Matcher;
import org.rolematch.model.Role;
import org.rolematch.score.MatchResult;
import org.rolematch.score.MatchStatus;

/**
 * The other direction: the candidates that fit one role best, from a folder of resumes. Run with
 * {@code mvn -q -pl examples -am compile exec:exec -Dexample=org.rolematch.examples.CandidatesForRole}.
 */
public final class CandidatesForRole {
  private CandidatesForRole() {}

  public static void main(String[] args) throws Exception {
    run(Path.of(args.length > 0 ? args[0] : "samples"), System.out);
  }

  /** Ranks the sample resumes for the sample data-engineer role; returns the ranking. */
  public static List<MatchResult> run(Path samples, PrintStream out) throws Exception {
    try (Matcher matcher = Matcher.builder().build()) {
      List<Role> roles = matcher.addPosting(
          Files.readString(samples.resolve("postings/riverbend-data-engineer-basic-quals.txt")), "riverbend");
      Role role = roles.get(0);
      try (Stream<Path> files = Files.list(samples.resolve("resumes"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
          String id = f.getFileName().toString().replace(".txt", "");
          matcher.addResume(id, Files.readString(f));
        }
      }
      List<MatchResult> ranking = matcher.rankCandidates(role.id(), 3);
      out.println("Candidates for " + role.title() + ":");
      for (MatchResult r : ranking) {
        out.printf(java.util.Locale.ROOT, "  %5.1f  %-32s missing: %s%n", r.score(), r.candidateId(),
            r.withStatus(MatchStatus.MISSING).stream().map(c -> c.requirement().text()).toList());
      }
      return ranking;
    }
  }
}
