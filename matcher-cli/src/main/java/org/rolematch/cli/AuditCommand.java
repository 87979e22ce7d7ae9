package org.rolematch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.rolematch.Matcher;
import org.rolematch.audit.FairnessAudit;
import org.rolematch.eval.PostingEvaluation;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.PostingParser;
import org.rolematch.ingest.ResumeParser;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.MatchResult;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rolematch audit}: scores every resume for one role and reports, per group, the selection
 * rate at a threshold and the impact ratio against the best group (the four-fifths rule), and the
 * scoring rate of NYC Local Law 144 bias audits ({@link FairnessAudit}).
 *
 * <p>Group labels come only from the caller's CSV file ({@code resume_id,group}); nothing is
 * inferred from the resumes, and the labels never reach a profile or a score. A resume's id is its
 * file name without the extension, as {@code rank} shows it. Resumes without a label are left out
 * of the figures and counted; labels of ids that match no resume are reported.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Scores a folder of resumes for one role and reports each group's selection rate at a"
          + " threshold, its impact ratio against the best group (the four-fifths rule), and the"
          + " scoring rate used by NYC Local Law 144 bias audits, with what the figures mean and"
          + " do not mean.",
      "Group labels come only from --groups (a CSV file resume_id,group that you supply, e.g."
          + " from voluntary self-identification); RoleMatch never infers a group and never uses"
          + " a label when scoring."},
    footer = {"", "Examples:",
      "  rolematch audit --roles postings/ --role \"Data Engineer II\" --resumes cvs/ \\",
      "      --groups groups.csv --threshold 60",
      "  rolematch audit --index idx/ --role acme#2 --resumes cvs/ --groups groups.csv"
          + " --threshold 70 --format json",
      "", "groups.csv: one line per resume, 'resume_id,group' (a header line 'resume_id,group' is"
          + " allowed; fields may be quoted \"...\"; # starts a comment line).",
      "", "Exit codes: 0 ok, 1 bad input (the file is named), 2 usage."})
final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--roles", arity = "1..*", paramLabel = "PATH",
      description = "Posting files or folders (.txt, JSON-LD .json, .html).")
  List<Path> roles;

  @Option(names = "--index", paramLabel = "DIR",
      description = "A persistent index built by 'rolematch index' (with or instead of --roles).")
  Path index;

  @Option(names = "--role", required = true, paramLabel = "TITLE_OR_ID",
      description = "The role: its id (as 'parse' shows it) or its title, or enough of it to be unique.")
  String role;

  @Option(names = "--resumes", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Resume files or folders (.txt, JSON Resume .json).")
  List<Path> resumes;

  @Option(names = "--groups", required = true, paramLabel = "FILE",
      description = "CSV file 'resume_id,group': the group of each resume, supplied by you.")
  Path groups;

  @Option(names = "--threshold", required = true, paramLabel = "SCORE",
      description = "A candidate is selected when the score (0..100) is at least this.")
  double threshold;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
      converter = ParseResumeCommand.DateConverter.class,
      description = "The date that 'Present' in a resume means (default: today).")
  LocalDate asOf;

  @Option(names = "--taxonomy", paramLabel = "FILE",
      description = "Extend the bundled taxonomy with this file.")
  Path taxonomy;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    PrintWriter o = cl.getOut();
    PrintWriter err = cl.getErr();
    if (!(threshold >= 0 && threshold <= 100)) {
      throw new CommandLine.ParameterException(cl,
          "--threshold must be a score between 0 and 100, got " + threshold);
    }
    if (!format.equals("text") && !format.equals("json")) {
      throw new CommandLine.ParameterException(cl, "--format must be text or json, not '" + format + "'");
    }
    if (roles == null && index == null) {
      err.println("rolematch audit: give --roles PATH... or --index DIR (or both)");
      return 2;
    }
    Map<String, String> labels;
    try {
      labels = readGroups(groups);
    } catch (BadGroups e) {
      err.println("rolematch audit: " + e.getMessage());
      return 1;
    }

    Taxonomy t = Cli.taxonomy(taxonomy);
    LocalDate clock = asOf == null ? LocalDate.now() : asOf;
    ResumeParser parser = ResumeParser.builder().taxonomy(t).asOf(clock).build();
    var builder = Matcher.builder().taxonomy(t).resumeClock(clock);
    if (index != null) {
      Files.createDirectories(index);
      builder.directory(index);
    }
    try (Matcher m = builder.build()) {
      List<String> ids = roles != null
          ? PostingCatalog.load(m, PostingParser.of(t), roles, index, err).roleIds()
          : PostingCatalog.roleIds(index);
      List<Role> known = new ArrayList<>();
      for (String id : ids) {
        m.role(id).ifPresent(known::add);
      }
      Optional<Role> target = RoleLookup.find(m, known, role, "audit", err);
      if (target.isEmpty()) {
        return 1;
      }
      Role r = target.get();

      List<Path> files = Inputs.expand(resumes, ".txt", ".json");
      Map<String, CandidateProfile> profiles = new LinkedHashMap<>();
      Map<String, Path> from = new LinkedHashMap<>();
      int failed = 0;
      try (Progress progress = new Progress(err, "reading resumes", files.size())) {
        for (Path f : files) {
          progress.step();
          CandidateProfile p;
          try {
            p = parser.read(f).profile();
          } catch (ParseException e) {
            err.println("rolematch audit: " + e.getMessage());
            failed++;
            continue;
          }
          Path before = from.putIfAbsent(p.id(), f);
          if (before != null) {
            err.println("rolematch audit: " + f + " and " + before + " both have the id '" + p.id()
                + "' (ids are file names without the extension); rename one");
            return 1;
          }
          profiles.put(p.id(), p);
        }
      }
      if (profiles.isEmpty()) {
        err.println("rolematch audit: no resume could be read from " + resumes);
        return 1;
      }
      boolean filter = ScoringPolicy.defaults().knockoutMode() == KnockoutMode.FILTER;
      List<FairnessAudit.Scored> scored = new ArrayList<>();
      List<String> unlabelled = new ArrayList<>();
      int knockedOut = 0;
      for (CandidateProfile p : profiles.values()) {
        String group = labels.get(p.id());
        if (group == null) {
          unlabelled.add(p.id());
          continue;
        }
        MatchResult result = m.explain(r, p);
        double score = result.score();
        if (filter && !result.eligible()) {
          score = 0; // a ranking leaves it out: not selected
          knockedOut++;
        }
        scored.add(new FairnessAudit.Scored(p.id(), group, Math.min(100, Math.max(0, score))));
      }
      TreeSet<String> unmatched = new TreeSet<>(labels.keySet());
      unmatched.removeAll(profiles.keySet());
      if (!unmatched.isEmpty()) {
        err.println("rolematch audit: " + groups + ": " + unmatched.size() + " label(s) match no"
            + " resume read: " + preview(unmatched));
      }
      if (scored.isEmpty()) {
        err.println("rolematch audit: " + groups + ": no resume read has a group label; label"
            + " them by their ids (file names without the extension), e.g. '"
            + profiles.keySet().iterator().next() + ",group A'");
        return 1;
      }
      FairnessAudit.Report report = FairnessAudit.of(scored, threshold);
      if (format.equals("json")) {
        o.println(json(r, report, profiles.size(), failed, unlabelled, knockedOut));
      } else {
        o.println(String.format(Locale.ROOT, "Fairness audit of %s (%s): %d resumes read, %d with a"
                + " group label%s%s", r.title(), r.id(), profiles.size(), scored.size(),
            failed > 0 ? ", " + failed + " could not be read" : "",
            unlabelled.isEmpty() ? "" : "; " + unlabelled.size() + " without a label left out ("
                + preview(unlabelled) + ")"));
        if (knockedOut > 0) {
          o.println(knockedOut + " candidate(s) failed a knock-out requirement: a ranking leaves"
              + " them out, so they count as not selected, with score 0.");
        }
        o.println();
        o.print(report.toText());
      }
      o.flush();
      return 0;
    }
  }

  private static String preview(java.util.Collection<String> ids) {
    List<String> l = new ArrayList<>(ids);
    return l.size() <= 5 ? String.join(", ", l)
        : String.join(", ", l.subList(0, 5)) + ", ... (" + (l.size() - 5) + " more)";
  }

  private static String json(Role r, FairnessAudit.Report report, int read, int failed,
      List<String> unlabelled, int knockedOut) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", "rolematch.audit/1");
    root.putObject("role").put("id", r.id()).put("title", r.title());
    root.put("threshold", report.threshold());
    root.put("median", report.median());
    root.put("resumes_read", read);
    root.put("resumes_failed", failed);
    root.put("knocked_out", knockedOut);
    ArrayNode left = root.putArray("unlabelled");
    unlabelled.forEach(left::add);
    ArrayNode gs = root.putArray("groups");
    for (FairnessAudit.GroupFigures g : report.groups()) {
      ObjectNode n = gs.addObject();
      n.put("group", g.group());
      n.put("candidates", g.candidates());
      n.put("selected", g.selected());
      n.put("selection_rate", g.selectionRate());
      n.put("selection_impact_ratio", g.selectionImpactRatio());
      n.put("above_median", g.aboveMedian());
      n.put("scoring_rate", g.scoringRate());
      n.put("scoring_impact_ratio", g.scoringImpactRatio());
      n.put("flagged", g.flagged());
      n.put("small_group", g.candidates() < FairnessAudit.SMALL_GROUP);
    }
    String text = report.toText();
    root.put("explanation", text.substring(text.indexOf("What these figures mean")));
    return mapper.writeValueAsString(root);
  }

  /** A groups file that cannot be used; the message names the file (and the line). */
  static final class BadGroups extends Exception {
    private static final long serialVersionUID = 1L;

    BadGroups(String message) {
      super(message);
    }
  }

  /** Reads 'resume_id,group' lines: strict UTF-8, quoted fields, a header and comments allowed. */
  static Map<String, String> readGroups(Path file) throws BadGroups {
    byte[] bytes;
    try {
      if (Files.size(file) > 64L * 1024 * 1024) {
        throw new BadGroups(file + ": the file is over 64 MiB; a groups file has one short line"
            + " per resume");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadGroups(file + ": cannot be read (" + e.getClass().getSimpleName()
          + "); give a CSV file 'resume_id,group'");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BadGroups(file + ": not UTF-8 text; save the CSV file as UTF-8");
    }
    if (text.startsWith("\ufeff")) {
      text = text.substring(1);
    }
    Map<String, String> out = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : text.lines().toList()) {
      lineNo++;
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      List<String> fields = fields(line, file, lineNo);
      if (fields.size() != 2) {
        throw new BadGroups(file + ":" + lineNo + ": expected two fields 'resume_id,group', found "
            + fields.size());
      }
      String id = fields.get(0).strip();
      String group = fields.get(1).strip();
      if (lineNo == 1 && id.equalsIgnoreCase("resume_id") && group.equalsIgnoreCase("group")) {
        continue; // header
      }
      if (id.isEmpty() || group.isEmpty()) {
        throw new BadGroups(file + ":" + lineNo + ": the " + (id.isEmpty() ? "resume id" : "group")
            + " is empty");
      }
      String before = out.putIfAbsent(id, group);
      if (before != null && !before.equals(group)) {
        throw new BadGroups(file + ":" + lineNo + ": resume '" + id + "' is labelled twice, with"
            + " different groups");
      }
    }
    if (out.isEmpty()) {
      throw new BadGroups(file + ": no 'resume_id,group' line; label each resume with its group");
    }
    return out;
  }

  /** The fields of one CSV line: comma-separated, optionally double-quoted with "" escapes. */
  private static List<String> fields(String line, Path file, int lineNo) throws BadGroups {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new BadGroups(file + ":" + lineNo + ": a quoted field is not closed");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              f.append('"');
              i++;
            } else {
              break;
            }
          } else {
            f.append(c);
          }
        }
        while (i < n && line.charAt(i) == ' ') {
          i++;
        }
        if (i < n && line.charAt(i) != ',') {
          throw new BadGroups(file + ":" + lineNo + ": text after a quoted field");
        }
      } else {
        while (i < n && line.charAt(i) != ',') {
          f.append(line.charAt(i++));
        }
      }
      out.add(f.toString());
      f.setLength(0);
      if (i >= n) {
        return out;
      }
      i++; // the comma
    }
  }

}
