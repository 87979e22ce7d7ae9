package org.rolematch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rolematch.Matcher;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.PostingParser;
import org.rolematch.ingest.ResumeParser;
import org.rolematch.model.CandidateProfile;
import org.rolematch.score.MatchResult;
import org.rolematch.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolematch match}: the roles that fit one candidate best. */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = "Ranks roles for one candidate and explains each requirement: met, partly met (why),"
        + " missing or unknown.",
    footer = {"", "Examples:",
      "  rolematch match --roles samples/postings --resume samples/resumes/ada-ml-student.txt",
      "  rolematch match --roles postings/ --resume cv.json --top 3 --format md",
      "  rolematch index --roles postings/ --index idx/ && rolematch match --index idx/ --resume cv.txt"})
final class MatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MatchOptions opts;

  @Option(names = "--roles", arity = "1..*", paramLabel = "PATH",
      description = "Posting files or folders (.txt, JSON-LD .json, .html).")
  List<Path> roles;

  @Option(names = "--resume", required = true, paramLabel = "FILE",
      description = "The candidate's resume (.txt or JSON Resume .json).")
  Path resume;

  @Override
  public Integer call() throws IOException {
    opts.check(spec.commandLine());
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (roles == null && opts.index == null) {
      err.println("rolematch match: give --roles PATH... or --index DIR (or both)");
      return 2;
    }
    org.rolematch.ingest.ParseLimits limits = opts.limits(spec.commandLine());
    Taxonomy t = opts.loadTaxonomy();
    CandidateProfile profile;
    try {
      profile = ResumeParser.builder().taxonomy(t).asOf(opts.clock()).limits(limits).build()
          .read(resume).profile();
    } catch (ParseException e) {
      err.println("rolematch match: " + e.getMessage());
      return 1;
    }
    try (Matcher m = opts.open(t, roles != null)) {
      if (roles != null) {
        PostingCatalog.Counts c = PostingCatalog.load(m, PostingParser.of(t).withLimits(limits), roles,
            opts.index, err);
        if (c.failed() > 0 && c.roles() == 0) {
          return 1;
        }
      }
      List<MatchResult> results = m.rankRoles(profile, opts.top);
      opts.print(o, "Roles for " + profile.id() + " (" + m.roleCount() + " roles searched)", results);
    }
    o.flush();
    return 0;
  }
}
