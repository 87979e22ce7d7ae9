package org.rolematch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rolematch.Matcher;
import org.rolematch.ingest.PostingParser;
import org.rolematch.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolematch index}: builds or updates a persistent index of roles. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Builds a persistent Lucene index of the roles in postings, or updates it: only new or"
        + " changed posting files are read again, and roles of files gone from the given folders are"
        + " removed. 'match' and 'rank' use it with --index DIR.",
    footer = {"", "Example:", "  rolematch index --roles postings/ --index idx/",
        "  rolematch match --index idx/ --resume cv.txt"})
final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--roles", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Posting files or folders (.txt, JSON-LD .json, .html).")
  List<Path> roles;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index folder (created if missing).")
  Path index;

  @Option(names = "--taxonomy", paramLabel = "FILE", description = "Extend the bundled taxonomy with this file.")
  Path taxonomy;

  @picocli.CommandLine.Mixin InputLimits inputLimits;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    org.rolematch.ingest.ParseLimits limits = inputLimits.limits(spec.commandLine());
    Taxonomy t = Cli.taxonomy(taxonomy);
    java.nio.file.Files.createDirectories(index);
    try (Matcher m = Matcher.builder().taxonomy(t).directory(index).build()) {
      PostingCatalog.Counts c = PostingCatalog.load(m, PostingParser.of(t).withLimits(limits), roles, index,
          err);
      o.printf(Locale.ROOT, "%s: %d posting file(s): %d read, %d unchanged, %d removed, %d failed;"
          + " %d roles in the index%n", index, c.files(), c.read(), c.unchanged(), c.removed(),
          c.failed(), c.roles());
      o.flush();
      return c.failed() > 0 ? 1 : 0;
    }
  }
}
