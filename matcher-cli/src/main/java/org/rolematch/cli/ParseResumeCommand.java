package org.rolematch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ProfileJson;
import org.rolematch.ingest.ResumeParser;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Degree;
import org.rolematch.model.Evidence;
import org.rolematch.model.Position;
import org.rolematch.model.Skill;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rolematch parse-resume PATH... [--format json|text] [--out DIR] [--as-of YYYY-MM-DD]}:
 * reads resumes (plain text, or JSON Resume for {@code .json}) and shows each profile with its
 * evidence, or writes one {@code NAME.json} per input in the resume gold schema.
 *
 * <p>Exit codes: 0 every file was read; 1 a file could not be read (each is reported, the others
 * are still read); 2 usage.
 */
@Command(
    name = "parse-resume",
    mixinStandardHelpOptions = true,
    description = {
      "Reads resumes (.txt as plain text, .json as JSON Resume) into candidate profiles and shows"
          + " each with its evidence, or writes one NAME.json per input (resume gold schema of"
          + " shared/eval/README.md, with positions and per-concept evidence added).",
      "Names, e-mail addresses, phone numbers and URLs are never part of a profile."},
    footer = {"", "Examples:",
      "  rolematch parse-resume resumes/jane.txt",
      "  rolematch parse-resume resumes/ --out profiles/ --as-of 2025-07-01",
      "", "Exit codes: 0 ok, 1 a file could not be read (reported; the others are still read),"
          + " 2 usage."})
final class ParseResumeCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    json,
    text
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "Resume files (.txt, .json) or folders of them.")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "json|text",
      description = "Output format: text (default on the console) or json (default with --out).")
  Format format;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write one NAME.json (or NAME.txt with --format text) per input into DIR.")
  Path out;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "The date 'Present' means (default: today).")
  LocalDate asOf;

  @Option(names = "--taxonomy", paramLabel = "FILE",
      description = "Extend the bundled taxonomy with this file.")
  Path taxonomy;

  @Option(names = {"--max-input-bytes", "--max-bytes"}, paramLabel = "N",
      description = "Largest resume accepted, in bytes (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ResumeParser.DEFAULT_MAX_BYTES)
  int maxBytes;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (maxBytes < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--max-input-bytes must be at least 1, got " + maxBytes);
    }
    ResumeParser parser = ResumeParser.builder()
        .taxonomy(Cli.taxonomy(taxonomy))
        .asOf(asOf != null ? asOf : LocalDate.now())
        .maxBytes(maxBytes)
        .build();
    Format fmt = format != null ? format : out != null ? Format.json : Format.text;
    List<Path> files = new ArrayList<>();
    int failed = 0;
    for (Path p : paths) {
      try {
        List<Path> found = Inputs.expand(List.of(p), ".txt", ".json");
        if (found.isEmpty() && Files.isDirectory(p)) {
          err.println("rolematch parse-resume: " + p + ": the folder holds no .txt or .json file");
          failed++;
        }
        files.addAll(found);
      } catch (IOException e) {
        err.println("rolematch parse-resume: " + p + ": no such file or folder; give a resume"
            + " file (.txt or .json) or a folder of them");
        failed++;
      }
    }
    if (out != null) {
      Files.createDirectories(out);
    }
    Map<String, ResumeParser.Result> results = new LinkedHashMap<>();
    Set<String> written = new HashSet<>();
    int parsed = 0;
    int empty = 0;
    for (Path f : files) {
      String name = Inputs.stem(f);
      ResumeParser.Result r;
      try {
        r = parser.read(f);
      } catch (ParseException e) {
        err.println("rolematch parse-resume: " + e.getMessage());
        failed++;
        continue;
      } catch (IOException e) {
        err.println("rolematch parse-resume: " + f + ": cannot be read ("
            + e.getClass().getSimpleName() + "); check that it exists and is readable");
        failed++;
        continue;
      }
      parsed++;
      CandidateProfile p = r.profile();
      if (p.degrees().isEmpty() && p.positions().isEmpty() && p.skills().isEmpty()) {
        empty++;
      }
      if (fmt == Format.json) {
        for (String note : r.notes()) {
          err.println("rolematch parse-resume: " + f + ": note: " + note);
        }
      }
      if (out != null) {
        String ext = fmt == Format.json ? ".json" : ".txt";
        if (!written.add(name + ext)) {
          err.println("rolematch parse-resume: " + f + ": another input already wrote " + name
              + ext + " in " + out + "; rename one of them");
          failed++;
          continue;
        }
        Path target = out.resolve(name + ext);
        String body = fmt == Format.json ? ProfileJson.write(p) : text(name, f, r);
        Files.writeString(target, body, StandardCharsets.UTF_8);
        o.println("wrote " + target + " (" + summary(p) + ")");
      } else {
        results.put(name, r);
      }
    }
    if (out == null) {
      if (fmt == Format.json) {
        if (results.size() == 1) {
          o.print(ProfileJson.write(results.values().iterator().next().profile()));
        } else {
          StringBuilder b = new StringBuilder("{\n");
          int k = 0;
          for (Map.Entry<String, ResumeParser.Result> e : results.entrySet()) {
            String json = ProfileJson.write(e.getValue().profile()).strip().replace("\n", "\n  ");
            b.append("  ").append(quote(e.getKey())).append(": ").append(json)
                .append(++k < results.size() ? ",\n" : "\n");
          }
          o.print(b.append("}\n"));
        }
      } else {
        int k = 0;
        for (Map.Entry<String, ResumeParser.Result> e : results.entrySet()) {
          if (k++ > 0) {
            o.println();
          }
          o.print(text(e.getKey(), null, e.getValue()));
        }
      }
    }
    if (files.size() > 1 || failed > 0) {
      err.printf(Locale.ROOT, "rolematch parse-resume: %d parsed, %d empty, %d failed%n", parsed,
          empty, failed);
    }
    o.flush();
    return failed == 0 ? 0 : 1;
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\');
      }
      b.append(c < 0x20 ? ' ' : c);
    }
    return b.append('"').toString();
  }

  private static String summary(CandidateProfile p) {
    return String.format(Locale.ROOT, "%d degrees, %d positions, %d concepts", p.degrees().size(),
        p.positions().size(), p.skills().size());
  }

  /** The profile as text, each fact with its evidence. */
  static String text(String name, Path file, ResumeParser.Result r) {
    CandidateProfile p = r.profile();
    StringBuilder b = new StringBuilder();
    b.append("== ").append(name).append('\n');
    b.append("location:            ").append(p.location().orElse("-")).append('\n');
    b.append("work authorization:  ")
        .append(p.workAuthorizations().isEmpty() ? "-" : String.join(", ", p.workAuthorizations()))
        .append('\n');
    b.append(String.format(Locale.ROOT,
        "experience:          %d years (%.2f; professional positions only, overlaps once)%n",
        (long) Math.floor(p.yearsExperience() + 1e-9), p.yearsExperience()));
    b.append("internships:         ").append(p.internships()).append('\n');
    b.append("publications:        ").append(p.publications());
    if (!p.publicationVenues().isEmpty()) {
      b.append(" (venues: ").append(String.join(", ", p.publicationVenues())).append(')');
    }
    b.append('\n');
    b.append("degrees:\n");
    if (p.degrees().isEmpty()) {
      b.append("  -\n");
    }
    for (Degree d : p.degrees()) {
      b.append(String.format(Locale.ROOT, "  %-9s %-28s %-11s %-5s %s%n", d.level().wireName(),
          d.field().isEmpty() ? "-" : d.field(), d.status().wireName(),
          d.endYear().isPresent() ? Integer.toString(d.endYear().getAsInt()) : "-",
          evidence(d.evidence())));
    }
    b.append("positions:\n");
    if (p.positions().isEmpty()) {
      b.append("  -\n");
    }
    for (Position pos : p.positions()) {
      b.append(String.format(Locale.ROOT, "  %s – %-8s %-12s %s%s   %s%n", pos.start(),
          pos.end().map(Object::toString).orElse("present"),
          pos.type().name().toLowerCase(Locale.ROOT), pos.title().isEmpty() ? "-" : pos.title(),
          pos.organisation().isEmpty() ? "" : " · " + pos.organisation(), evidence(pos.evidence())));
    }
    b.append("concepts:\n");
    if (p.skills().isEmpty()) {
      b.append("  -\n");
    }
    for (Skill s : p.skills()) {
      b.append(String.format(Locale.ROOT, "  %-21s %-28s %s%s%n", s.kind().wireName(),
          s.concept(), s.years() > 0 ? String.format(Locale.ROOT, "(%.0f years) ", s.years()) : "",
          evidence(s.evidence())));
    }
    if (!r.notes().isEmpty()) {
      b.append("notes:\n");
      for (String n : r.notes()) {
        b.append("  ").append(n).append('\n');
      }
    }
    return b.toString();
  }

  private static String evidence(Evidence e) {
    if (e.text().isEmpty()) {
      return "";
    }
    String t = e.text().length() > 120 ? e.text().substring(0, 117) + "..." : e.text();
    return "\"" + t + "\"" + (e.hasOffsets() ? " @" + e.start() + "-" + e.end() : "");
  }

  /** Reads {@code YYYY-MM-DD}; a bad date is a usage error (exit 2). */
  static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a date; write it as YYYY-MM-DD, e.g. 2025-07-01");
      }
    }
  }
}
