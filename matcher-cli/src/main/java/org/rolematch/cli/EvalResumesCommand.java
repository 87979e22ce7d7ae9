package org.rolematch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rolematch.eval.ResumeEvaluation;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ResumeParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rolematch eval resumes --resumes DIR --gold DIR [--min-f1 X] [--max-years-mae Y]
 * [--as-of YYYY-MM-DD]}: the resume parser against gold profiles, measured as {@code
 * shared/eval/score.py resumes} measures it.
 */
@Command(
    name = "resumes",
    mixinStandardHelpOptions = true,
    description = "Parses each resume NAME.txt (or NAME.json, JSON Resume) for which GOLD/NAME.json"
        + " exists and prints precision, recall and F1 of resume items per field (degree, field of"
        + " study, concepts and each concept kind) and overall, the mean absolute error of years"
        + " of experience and the rate of exact publication counts (the measure of"
        + " shared/eval/README.md).",
    footer = {"", "Example:", "  rolematch eval resumes --resumes ../shared/eval/dev/resumes"
        + " --gold ../shared/eval/dev/gold/resumes --as-of 2025-07-01 --min-f1 0.9"
        + " --max-years-mae 1.0",
      "", "Exit codes: 0 ok, 1 below --min-f1, above --max-years-mae, or a file could not be"
          + " read, 2 usage."})
final class EvalResumesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--resumes", required = true, paramLabel = "DIR",
      description = "Folder of resumes (NAME.txt or NAME.json).")
  Path resumes;

  @Option(names = "--gold", required = true, paramLabel = "DIR",
      description = "Folder of gold NAME.json profiles.")
  Path gold;

  @Option(names = "--min-f1", paramLabel = "X", defaultValue = "0",
      description = "Exit 1 when the overall item F1 is below X (default: ${DEFAULT-VALUE}).")
  double minF1;

  @Option(names = "--max-years-mae", paramLabel = "Y", defaultValue = "Infinity",
      description = "Exit 1 when the years-of-experience MAE is above Y (default: no limit).")
  double maxYearsMae;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
      converter = ParseResumeCommand.DateConverter.class,
      description = "The date 'Present' means (default: today; the dev gold counts to the"
          + " 'clock' of shared/eval/dev/targets.json, 2025-07-01).")
  LocalDate asOf;

  @Option(names = "--taxonomy", paramLabel = "FILE",
      description = "Extend the bundled taxonomy with this file.")
  Path taxonomy;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path dir : new Path[] {resumes, gold}) {
      if (!Files.isDirectory(dir)) {
        err.println("rolematch eval resumes: " + dir + " is not a folder; give the folder of "
            + (dir == resumes ? "resumes (--resumes)" : "gold profiles (--gold)"));
        return 1;
      }
    }
    ResumeParser parser = ResumeParser.builder()
        .taxonomy(Cli.taxonomy(taxonomy))
        .asOf(asOf != null ? asOf : LocalDate.now())
        .build();
    ResumeEvaluation eval;
    try {
      eval = ResumeEvaluation.run(resumes, gold, parser);
    } catch (ParseException e) {
      err.println("rolematch eval resumes: gold file: " + e.getMessage());
      return 1;
    }
    if (eval.documents().isEmpty()) {
      err.println("rolematch eval resumes: no NAME.json gold files in " + gold);
      return 1;
    }
    for (String f : eval.failures()) {
      err.println("rolematch eval resumes: " + f);
    }
    o.print(eval.report());
    o.flush();
    double f1 = eval.items().f1();
    double mae = eval.yearsMae();
    boolean pass = f1 >= minF1 && mae <= maxYearsMae;
    if (!pass) {
      err.printf(Locale.ROOT, "rolematch eval resumes: below the threshold (item F1 %.3f, min"
          + " %.3f; years MAE %.2f, max %.2f)%n", f1, minF1, mae, maxYearsMae);
    }
    return pass && eval.failures().isEmpty() ? 0 : 1;
  }
}
