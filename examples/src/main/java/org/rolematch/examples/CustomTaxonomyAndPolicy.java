package org.rolematch.examples;

import java.io.PrintStream;
import java.util.List;
import org.rolematch.Matcher;
import org.rolematch.explain.Renderer;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.score.MatchResult;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Extending the bundled taxonomy with your own concepts, and weighing requirements your way.
 * Here a company's in-house framework "Quill" becomes a concept (a sibling of Flask and Django
 * under "web framework"), and preferred requirements weigh half as much as required ones.
 */
public final class CustomTaxonomyAndPolicy {
  static final String POSTING = """
      Backend Engineer
      Requirements:
      - Experience with Quill or Django
      - 2+ years of experience with Python
      Nice to have:
      - Experience with Kubernetes
      """;

  static final String RESUME = """
      EXPERIENCE
      Software Engineer, Example Corp, Jan 2021 - Present
      - Built internal services with Quill and Python
      """;

  private CustomTaxonomyAndPolicy() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Returns the match of the resume against the role under the custom taxonomy and policy. */
  public static MatchResult run(PrintStream out) throws Exception {
    Taxonomy mine = Taxonomy.defaults().extendedWith(List.of(
        new Concept("quill", Kind.TOOL, List.of(), List.of("Quill framework"), List.of("Quill"),
            List.of("web framework"))));
    ScoringPolicy policy = ScoringPolicy.builder()
        .preferredWeight(0.5)
        .kindWeight(Kind.SOFT_SKILL, 0.1)
        .build();
    try (Matcher matcher = Matcher.builder().taxonomy(mine).policy(policy)
        .resumeClock(java.time.LocalDate.of(2026, 11, 1)).build()) {
      matcher.addPosting(POSTING, "inhouse");
      CandidateProfile p = matcher.parseResume("dev", RESUME);
      MatchResult r = matcher.rankRoles(p, 1).get(0);
      out.println("preferred weight " + policy.weight(Kind.TOOL, Importance.PREFERRED)
          + ", required weight " + policy.weight(Kind.TOOL, Importance.REQUIRED));
      out.print(Renderer.text().render(r));
      return r;
    }
  }
}
