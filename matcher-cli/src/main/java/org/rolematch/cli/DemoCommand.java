package org.rolematch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rolematch.Matcher;
import org.rolematch.explain.Renderer;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.PostingParser;
import org.rolematch.ingest.ResumeParser;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.MatchResult;
import org.rolematch.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolematch demo}: the main job on the bundled samples. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "The main job on the project's own sample postings and resumes: an in-memory index of"
        + " the sample roles, and for each sample resume the roles that fit best, the first one"
        + " explained requirement by requirement.",
    footer = {"", "Example:", "  rolematch demo --top 3"})
final class DemoCommand implements Callable<Integer> {
  /** The samples were written with this date as "today". */
  static final LocalDate SAMPLE_CLOCK = LocalDate.of(2026, 11, 1);

  @Spec CommandSpec spec;

  @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "Roles per resume (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--format", defaultValue = "text", description = "text or md (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (top < 1) {
      err.println("rolematch demo: --top must be at least 1, got " + top);
      return 2;
    }
    Renderer renderer = format.equals("md") ? Renderer.markdown() : Renderer.text();
    Taxonomy t = Taxonomy.defaults();
    try (Matcher m = Matcher.builder().taxonomy(t).resumeClock(SAMPLE_CLOCK).build()) {
      int postings = 0;
      PostingParser postingParser = PostingParser.of(t);
      for (Samples.Sample s : Samples.list("postings")) {
        try {
          if (s.name().endsWith(".json")) {
            m.addRoles(postingParser.parseJsonLd(s.text(), stem(s.name())).roles());
          } else {
            m.addPosting(s.text(), stem(s.name()));
          }
          postings++;
        } catch (ParseException e) {
          err.println("rolematch demo: sample posting " + s.name() + ": " + e.getMessage());
          return 1;
        }
      }
      ResumeParser parser = ResumeParser.builder().taxonomy(t).asOf(SAMPLE_CLOCK).build();
      List<CandidateProfile> profiles = new ArrayList<>();
      for (Samples.Sample s : Samples.list("resumes")) {
        try {
          profiles.add(s.name().endsWith(".json")
              ? parser.readJsonResume(stem(s.name()), s.text().getBytes(StandardCharsets.UTF_8)).profile()
              : parser.parse(stem(s.name()), s.text()));
        } catch (ParseException e) {
          err.println("rolematch demo: sample resume " + s.name() + ": " + e.getMessage());
          return 1;
        }
      }
      o.printf(Locale.ROOT, "RoleMatch demo: %d roles from %d sample postings, %d sample resumes"
          + " (\"today\" is %s).%n", m.roleCount(), postings, profiles.size(), SAMPLE_CLOCK);
      o.println("Marks: \u2714 met   \u25d0 partly met   \u2718 missing   ? unknown (the resume is silent)");
      for (CandidateProfile p : profiles) {
        List<MatchResult> best = m.rankRoles(p, top);
        o.println();
        o.println("=".repeat(78));
        o.println("Resume " + p.id() + ": best " + best.size() + " of " + m.roleCount() + " roles");
        for (int i = 0; i < best.size(); i++) {
          MatchResult r = best.get(i);
          o.printf(Locale.ROOT, "  %d. %5.1f  %s%s%n", i + 1, r.score(), r.roleTitle(),
              r.eligible() ? "" : "  (not eligible)");
        }
        if (!best.isEmpty()) {
          o.println();
          o.println("Why #1:");
          o.print(renderer.render(best.get(0)));
        }
      }
      o.flush();
    }
    return 0;
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
