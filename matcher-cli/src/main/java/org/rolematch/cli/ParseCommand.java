package org.rolematch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ParsedPosting;
import org.rolematch.ingest.PostingJson;
import org.rolematch.ingest.PostingParser;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolematch parse}: shows what was read from postings. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = "Reads job postings (.txt pages, JSON-LD .json, saved .html) and shows each role"
        + " with its requirements and the sentence each came from.",
    footer = {
      "",
      "Examples:",
      "  rolematch parse postings/acme-ml-intern.txt",
      "  rolematch parse postings/ --format json --out parsed/"
    })
final class ParseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Posting files or folders.")
  List<Path> paths;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "DIR", description = "Write one NAME.json per input NAME.* here.")
  Path out;

  @Option(names = "--taxonomy", paramLabel = "FILE", description = "Extend the bundled taxonomy with this file.")
  Path taxonomy;

  @picocli.CommandLine.Mixin InputLimits inputLimits;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json")) {
      err.println("rolematch parse: --format must be text or json, not '" + format + "'");
      return 2;
    }
    PostingParser parser = PostingParser.of(Cli.taxonomy(taxonomy))
        .withLimits(inputLimits.limits(spec.commandLine()));
    List<Path> files = Inputs.expand(paths, ".txt", ".json", ".jsonld", ".html", ".htm");
    if (out != null) {
      Files.createDirectories(out);
    }
    int failed = 0;
    int roles = 0;
    for (Path f : files) {
      ParsedPosting p;
      try {
        p = parser.parse(f);
      } catch (ParseException e) {
        err.println("rolematch parse: " + e.getMessage());
        failed++;
        continue;
      }
      roles += p.roles().size();
      if (format.equals("json") || out != null) {
        for (var w : p.warnings()) {
          err.println("rolematch parse: " + f.getFileName() + ": warning: " + w);
        }
      }
      String json = PostingJson.write(Inputs.stem(f), p.roles());
      if (out != null) {
        Files.writeString(out.resolve(Inputs.stem(f) + ".json"), json, StandardCharsets.UTF_8);
      }
      if (format.equals("json")) {
        if (out == null) {
          o.print(json);
        }
      } else if (out == null || files.size() == 1) {
        printText(o, f, p);
      }
    }
    if (out != null) {
      err.printf(Locale.ROOT, "rolematch parse: %d file(s), %d role(s), %d failed; JSON in %s%n",
          files.size() - failed, roles, failed, out);
    }
    o.flush();
    return failed > 0 ? 1 : 0;
  }

  static void printText(PrintWriter o, Path f, ParsedPosting p) {
    o.println("== " + f);
    for (String n : p.notes()) {
      o.println("   note: " + n);
    }
    for (var w : p.warnings()) {
      o.println("   warning: " + w);
    }
    for (Role r : p.roles()) {
      o.printf(Locale.ROOT, "%n%s  [%s]%s%n", r.title(), r.employmentType().wireName(),
          r.organisation().isEmpty() ? "" : "  at " + r.organisation());
      if (!r.locationConstraints().isEmpty()) {
        o.println("  where: " + String.join("; ", r.locationConstraints()));
      }
      r.salary().ifPresent(s -> o.printf(Locale.ROOT, "  salary: %,.0f-%,.0f %s per %s%n",
          s.min(), s.max(), s.currency(), s.period()));
      for (Requirement q : r.requirements()) {
        o.printf(Locale.ROOT, "  %-4s %-9s %-21s %s%n", q.id(), q.importance().wireName(),
            q.kind().wireName(), describe(q));
        o.printf(Locale.ROOT, "       \u2514 \"%s\"%n", q.text());
      }
    }
  }

  static String describe(Requirement q) {
    StringBuilder b = new StringBuilder();
    switch (q.kind()) {
      case DEGREE -> {
        b.append(q.minDegree() == null ? "a degree" : q.minDegree().wireName() + " or higher");
        if (q.degreeStatus() != null) {
          b.append(", ").append(q.degreeStatus().wireName().replace('_', ' '));
        }
        if (q.anyOf().contains("equivalent experience")) {
          b.append(", or equivalent experience");
        }
      }
      case EXPERIENCE_YEARS -> {
        b.append(q.minYears()).append("+ years");
        if (!q.anyOf().isEmpty()) {
          b.append(" in ").append(String.join(" / ", q.anyOf()));
        }
      }
      case CAREER_STAGE -> b.append(String.join(", ", q.anyOf())).append(" (inferred)");
      default -> {
        if (q.minCount() > 1) {
          b.append(q.minCount()).append(" of ");
        } else if (q.anyOf().size() > 1) {
          b.append("one of ");
        }
        b.append(String.join(", ", q.anyOf()));
        if (q.minYears() > 0) {
          b.append(" (").append(q.minYears()).append("+ years)");
        }
      }
    }
    return b.toString();
  }
}
