package org.rolematch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rolematch.Matcher;
import org.rolematch.eval.PostingEvaluation;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.PostingParser;
import org.rolematch.ingest.ResumeParser;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.MatchResult;
import org.rolematch.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolematch rank}: the candidates that fit one role best. */
@Command(
    name = "rank",
    mixinStandardHelpOptions = true,
    description = "Ranks a folder of resumes for one role and explains each requirement.",
    footer = {"", "Examples:",
      "  rolematch rank --roles samples/postings --resumes samples/resumes --role \"Data Engineer II\"",
      "  rolematch rank --roles postings/ --resumes cvs/ --role acme#2 --top 10 --format json"})
final class RankCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MatchOptions opts;

  @Option(names = "--roles", arity = "1..*", paramLabel = "PATH",
      description = "Posting files or folders (.txt, JSON-LD .json, .html).")
  List<Path> roles;

  @Option(names = "--resumes", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Resume files or folders (.txt, JSON Resume .json).")
  List<Path> resumes;

  @Option(names = "--role", required = true, paramLabel = "TITLE_OR_ID",
      description = "The role: its id (as 'parse' shows it) or its title, or enough of it to be unique.")
  String role;

  @Override
  public Integer call() throws IOException {
    opts.check(spec.commandLine());
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (roles == null && opts.index == null) {
      err.println("rolematch rank: give --roles PATH... or --index DIR (or both)");
      return 2;
    }
    org.rolematch.ingest.ParseLimits limits = opts.limits(spec.commandLine());
    Taxonomy t = opts.loadTaxonomy();
    ResumeParser parser = ResumeParser.builder().taxonomy(t).asOf(opts.clock()).limits(limits)
        .build();
    try (Matcher m = opts.open(t, roles != null)) {
      List<String> ids;
      if (roles != null) {
        ids = PostingCatalog.load(m, PostingParser.of(t).withLimits(limits), roles, opts.index,
            err).roleIds();
      } else {
        ids = PostingCatalog.roleIds(opts.index);
      }
      List<Role> known = new ArrayList<>();
      for (String id : ids) {
        m.role(id).ifPresent(known::add);
      }
      Optional<Role> target = RoleLookup.find(m, known, role, "rank", err);
      if (target.isEmpty()) {
        return 1;
      }
      List<java.nio.file.Path> files = Inputs.expand(resumes, ".txt", ".json");
      List<CandidateProfile> profiles = new ArrayList<>();
      int failed = 0;
      try (Progress progress = new Progress(err, "reading resumes", files.size())) {
        for (Path f : files) {
          progress.step();
          try {
            profiles.add(parser.read(f).profile());
          } catch (ParseException e) {
            err.println("rolematch rank: " + e.getMessage());
            failed++;
          }
        }
      }
      m.addCandidates(profiles);
      List<MatchResult> results = m.rankCandidates(target.get().id(), opts.top);
      opts.print(o, String.format(Locale.ROOT, "Candidates for %s (%s): %d resumes read%s",
          target.get().title(), target.get().id(), profiles.size(),
          failed > 0 ? ", " + failed + " could not be read" : ""), results);
      o.flush();
      return failed > 0 && profiles.isEmpty() ? 1 : 0;
    }
  }

}
