package org.rolematch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.rolematch.Matcher;
import org.rolematch.explain.JsonRenderer;
import org.rolematch.explain.Renderer;
import org.rolematch.model.Kind;
import org.rolematch.score.MatchResult;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;
import picocli.CommandLine.Option;

/** Options shared by {@code match}, {@code rank} and {@code index}. */
final class MatchOptions {
  @Option(names = "--index", paramLabel = "DIR",
      description = "A persistent index: built or updated from --roles, reused when --roles is left out.")
  Path index;

  @Option(names = "--taxonomy", paramLabel = "FILE", description = "Extend the bundled taxonomy with this file.")
  Path taxonomy;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
      description = "The date that 'Present' in a resume means (default: today).")
  LocalDate asOf;

  @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "How many to show (default: ${DEFAULT-VALUE}).")
  int top;

  @picocli.CommandLine.Mixin InputLimits inputLimits;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, md or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--ignore-career-stage",
      description = "Leave the inferred early-career clause out of scores (it still shows, at"
          + " weight 0). Judging by years of experience can disadvantage older candidates:"
          + " consider this when ranking candidates for a role.")
  boolean ignoreCareerStage;

  Renderer renderer() {
    return switch (format) {
      case "text" -> Renderer.text();
      case "md", "markdown" -> Renderer.markdown();
      case "json" -> Renderer.json();
      default -> throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(new Main()), "--format must be text, md or json, not '" + format + "'");
    };
  }

  void check(picocli.CommandLine cl) {
    if (top < 1) {
      throw new picocli.CommandLine.ParameterException(cl, "--top must be at least 1, got " + top);
    }
    if (!List.of("text", "md", "markdown", "json").contains(format)) {
      throw new picocli.CommandLine.ParameterException(cl, "--format must be text, md or json, not '" + format + "'");
    }
  }

  Taxonomy loadTaxonomy() throws IOException {
    return Cli.taxonomy(taxonomy);
  }

  /** The parse limits of {@code --max-input-bytes}. */
  org.rolematch.ingest.ParseLimits limits(picocli.CommandLine cl) {
    return inputLimits.limits(cl);
  }

  LocalDate clock() {
    return asOf == null ? LocalDate.now() : asOf;
  }

  Matcher open(Taxonomy t) throws IOException {
    return open(t, true);
  }

  /** Opens the matcher; without postings to add, an --index folder must already hold an index. */
  Matcher open(Taxonomy t, boolean mayCreate) throws IOException {
    var b = Matcher.builder().taxonomy(t).resumeClock(clock());
    if (ignoreCareerStage) {
      b.policy(ScoringPolicy.builder().kindWeight(Kind.CAREER_STAGE, 0).build());
    }
    if (index != null && !mayCreate && !Files.isDirectory(index.resolve("roles"))) {
      throw new IOException("there is no index at " + index + "; build one with 'rolematch index"
          + " --roles PATH... --index " + index + "'");
    }
    if (index != null) {
      Files.createDirectories(index);
      b.directory(index);
    }
    return b.build();
  }

  /** Prints ranked results: text/Markdown one after another, JSON as one array. */
  void print(PrintWriter o, String heading, List<MatchResult> results) {
    if (format.equals("json")) {
      var arr = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
      for (MatchResult r : results) {
        arr.add(JsonRenderer.tree(r));
      }
      try {
        o.println(new com.fasterxml.jackson.databind.ObjectMapper()
            .writerWithDefaultPrettyPrinter().writeValueAsString(arr));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    Renderer r = renderer();
    boolean md = !format.equals("text");
    o.println(md ? "## " + heading : heading);
    o.println();
    int rank = 0;
    for (MatchResult m : results) {
      rank++;
      String text = r.render(m).stripTrailing();
      if (md && text.startsWith("### ")) {
        text = text.substring(4); // the rank goes into the renderer's own heading
      }
      o.print(md ? "### " + rank + ". " : String.format(Locale.ROOT, "%d. ", rank));
      o.println(text);
      o.println();
    }
    if (results.isEmpty()) {
      o.println("(nothing to rank)");
    }
  }
}
