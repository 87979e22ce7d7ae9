package org.rolematch.examples;

import java.io.PrintStream;
import java.util.List;
import org.rolematch.Matcher;
import org.rolematch.explain.Renderer;
import org.rolematch.model.CandidateProfile;
import org.rolematch.score.MatchResult;

/**
 * The quick start: build a {@link Matcher}, add postings, rank roles for a resume, print the
 * explanation. Run with {@code mvn -q -pl examples -am compile exec:exec}.
 */
public final class QuickStart {
  static final String POSTING = """
      Data Analyst Intern
      Requirements:
      - Pursuing a bachelor's degree in statistics, economics or a related field
      - Experience with SQL and Excel
      - Python or R is a plus
      """;

  static final String RESUME = """
      EDUCATION
      B.S. in Economics, State University, expected 2027
      SKILLS
      SQL, Excel, Tableau, Python
      """;

  private QuickStart() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}; returns the best match. */
  public static MatchResult run(PrintStream out) throws Exception {
    // snippet: quick-start
    try (Matcher matcher = Matcher.builder().build()) {               // in memory, bundled taxonomy
      matcher.addPosting(POSTING, "acme-careers");                    // one page, any number of roles
      CandidateProfile me = matcher.parseResume("me", RESUME);        // plain text or JSON Resume
      List<MatchResult> best = matcher.rankRoles(me, 5);              // exact top-k, explained
      out.print(Renderer.text().render(best.get(0)));                 // ✔ met ◐ partial ✘ missing ? unknown
      return best.get(0);
    }
    // end snippet
  }
}
