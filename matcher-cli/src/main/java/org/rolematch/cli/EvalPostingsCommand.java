package org.rolematch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.rolematch.eval.PostingEvaluation;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ParsedPosting;
import org.rolematch.ingest.PostingJson;
import org.rolematch.ingest.PostingParser;
import org.rolematch.model.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolematch eval postings}: the posting parser against gold annotations. */
@Command(
    name = "postings",
    mixinStandardHelpOptions = true,
    description = "Parses each posting NAME.txt (or .json/.html) for which GOLD/NAME.json exists and"
        + " prints precision, recall and F1 of roles and of requirement items, per kind and overall"
        + " (the measure of shared/eval/README.md).",
    footer = {"", "Example:", "  rolematch eval postings --postings ../shared/eval/dev/postings"
        + " --gold ../shared/eval/dev/gold --min-f1 0.85"})
final class EvalPostingsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--postings", required = true, paramLabel = "DIR", description = "Folder of postings.")
  Path postings;

  @Option(names = "--gold", required = true, paramLabel = "DIR", description = "Folder of gold NAME.json files.")
  Path gold;

  @Option(names = "--min-f1", paramLabel = "X", defaultValue = "0",
      description = "Exit 1 when the requirement-item F1 is below X.")
  double minF1;

  @Option(names = "--min-roles-f1", paramLabel = "X", defaultValue = "0",
      description = "Exit 1 when the roles F1 is below X.")
  double minRolesF1;

  @Option(names = "--taxonomy", paramLabel = "FILE", description = "Extend the bundled taxonomy with this file.")
  Path taxonomy;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PostingParser parser = PostingParser.of(Cli.taxonomy(taxonomy));
    PostingEvaluation eval = new PostingEvaluation();
    List<Path> golds;
    try (Stream<Path> s = Files.list(gold)) {
      golds = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    if (golds.isEmpty()) {
      err.println("rolematch eval postings: no NAME.json gold files in " + gold);
      return 1;
    }
    int bad = 0;
    for (Path g : golds) {
      String name = Inputs.stem(g);
      List<Role> goldRoles;
      try {
        goldRoles = PostingJson.read(Files.readString(g, StandardCharsets.UTF_8), g.toString());
      } catch (ParseException e) {
        err.println("rolematch eval postings: " + e.getMessage());
        bad++;
        continue;
      }
      Path posting = find(name);
      List<Role> predicted = List.of();
      if (posting == null) {
        err.println("rolematch eval postings: no posting " + name + ".txt/.json/.html in " + postings
            + "; counted as predicting nothing");
      } else {
        try {
          ParsedPosting p = parser.parse(posting);
          predicted = p.roles();
        } catch (ParseException e) {
          err.println("rolematch eval postings: " + e.getMessage());
          bad++;
        }
      }
      eval.add(g.getFileName().toString(), goldRoles, predicted);
    }
    o.print(eval.report());
    o.flush();
    boolean pass = eval.items().f1() >= minF1 && eval.roles().f1() >= minRolesF1;
    if (!pass) {
      err.printf(Locale.ROOT, "rolematch eval postings: below the threshold (items F1 %.3f, min %.3f;"
          + " roles F1 %.3f, min %.3f)%n", eval.items().f1(), minF1, eval.roles().f1(), minRolesF1);
    }
    return pass && bad == 0 ? 0 : 1;
  }

  private Path find(String name) {
    for (String ext : new String[] {".txt", ".json", ".jsonld", ".html", ".htm"}) {
      Path p = postings.resolve(name + ext);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }
}
