package org.rolematch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.Matcher;
import org.rolematch.audit.FairnessAudit;
import org.rolematch.ingest.PostingParser;
import org.rolematch.ingest.ResumeParser;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.MatchResult;
import org.rolematch.taxonomy.Taxonomy;

/** {@code rolematch audit}: group figures from caller-supplied labels, and clear errors. */
class AuditCommandTest {
  static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
  static final String POSTINGS = SAMPLES.resolve("postings").toString();
  static final String RESUMES = SAMPLES.resolve("resumes").toString();
  static final String AS_OF = "2026-11-01";

  @TempDir Path dir;

  Path groups(String csv) throws Exception {
    return Files.writeString(dir.resolve("groups.csv"), csv, StandardCharsets.UTF_8);
  }

  static final String GROUPS = """
      resume_id,group
      # labels supplied by the caller (e.g. voluntary self-identification)
      ravi-data-engineer,group A
      tomas-backend,group A
      ada-ml-student,"group A"
      mei-biostatistics-phd,group B
      sam-robotics-undergrad,group B
      lucia-analyst,group B
      """;

  CliRun audit(Path groups, String... more) {
    List<String> args = new ArrayList<>(List.of("audit", "--roles", POSTINGS, "--resumes", RESUMES,
        "--role", "Data Engineer II", "--groups", groups.toString(), "--as-of", AS_OF));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(new String[0]));
  }

  @Test
  void reportsEachGroupsRatesAndImpactRatiosWithTheirMeaning() throws Exception {
    CliRun r = audit(groups(GROUPS), "--threshold", "50");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("Fairness audit of Data Engineer II"), r.toString());
    assertTrue(r.out().contains("6 resumes read, 6 with a group label"), r.toString());
    assertTrue(r.out().contains("Selection threshold: score >= 50.0"), r.toString());
    assertTrue(r.out().contains("group A") && r.out().contains("group B"), r.toString());
    assertTrue(r.out().contains("What these figures mean")
        && r.out().contains("What they do not mean"), r.toString());
    assertTrue(r.out().contains("(small group)"), "groups of 3 are flagged as small\n" + r);
  }

  @Test
  void theFiguresAreFairnessAuditsOverTheMatchersScores() throws Exception {
    CliRun r = audit(groups(GROUPS), "--threshold", "40", "--format", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals("rolematch.audit/1", json.get("schema").asText());

    // the same audit computed here, from the library: the role, the six profiles, their scores
    Taxonomy t = Taxonomy.defaults();
    ResumeParser parser = ResumeParser.builder().asOf(LocalDate.parse(AS_OF)).build();
    Map<String, String> labels = AuditCommand.readGroups(groups(GROUPS));
    List<FairnessAudit.Scored> scored = new ArrayList<>();
    try (Matcher m = Matcher.builder().resumeClock(LocalDate.parse(AS_OF)).build()) {
      Role role = null;
      for (Path f : Inputs.expand(List.of(Path.of(POSTINGS)), ".txt", ".json", ".html")) {
        for (Role x : PostingParser.of(t).parse(f).roles()) {
          if (x.title().startsWith("Data Engineer II")) {
            role = x;
          }
        }
      }
      for (Path f : Inputs.expand(List.of(Path.of(RESUMES)), ".txt", ".json")) {
        CandidateProfile p = parser.read(f).profile();
        MatchResult res = m.explain(role, p);
        scored.add(new FairnessAudit.Scored(p.id(), labels.get(p.id()),
            res.eligible() ? Math.min(100, res.score()) : 0));
      }
    }
    FairnessAudit.Report expected = FairnessAudit.of(scored, 40);
    assertEquals(expected.median(), json.get("median").asDouble(), 1e-9);
    assertEquals(expected.groups().size(), json.get("groups").size());
    for (int i = 0; i < expected.groups().size(); i++) {
      FairnessAudit.GroupFigures g = expected.groups().get(i);
      JsonNode n = json.get("groups").get(i);
      assertEquals(g.group(), n.get("group").asText());
      assertEquals(g.candidates(), n.get("candidates").asInt());
      assertEquals(g.selected(), n.get("selected").asInt());
      assertEquals(g.selectionImpactRatio(), n.get("selection_impact_ratio").asDouble(), 1e-9);
      assertEquals(g.scoringImpactRatio(), n.get("scoring_impact_ratio").asDouble(), 1e-9);
    }
  }

  @Test
  void resumesWithoutALabelAreLeftOutAndNamedNeverGuessed() throws Exception {
    CliRun r = audit(groups("ravi-data-engineer,A\nmei-biostatistics-phd,B\nnobody-here,B\n"),
        "--threshold", "50");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("6 resumes read, 2 with a group label; 4 without a label left out"),
        r.toString());
    assertTrue(r.err().contains("1 label(s) match no resume read: nobody-here"), r.toString());
  }

  @Test
  void badGroupFilesExitOneNamingTheFileAndLine() throws Exception {
    CliRun missingComma = audit(groups("resume_id,group\nravi-data-engineer group A\n"),
        "--threshold", "50");
    assertEquals(1, missingComma.code(), missingComma.toString());
    assertTrue(missingComma.err().contains(dir.resolve("groups.csv") + ":2:"), missingComma.toString());

    CliRun twice = audit(groups("ravi-data-engineer,A\nravi-data-engineer,B\n"), "--threshold", "50");
    assertEquals(1, twice.code(), twice.toString());
    assertTrue(twice.err().contains("groups.csv:2: resume 'ravi-data-engineer' is labelled twice"),
        twice.toString());

    CliRun open = audit(groups("\"ravi-data-engineer,A\n"), "--threshold", "50");
    assertEquals(1, open.code(), open.toString());
    assertTrue(open.err().contains("groups.csv:1: a quoted field is not closed"), open.toString());

    Path latin = Files.write(dir.resolve("latin1.csv"),
        "ravi-data-engineer,Fran\u00e7aise\n".getBytes(StandardCharsets.ISO_8859_1));
    CliRun notUtf8 = audit(latin, "--threshold", "50");
    assertEquals(1, notUtf8.code(), notUtf8.toString());
    assertTrue(notUtf8.err().contains(latin + ": not UTF-8"), notUtf8.toString());

    Path none = dir.resolve("missing.csv");
    CliRun missing = audit(none, "--threshold", "50");
    assertEquals(1, missing.code(), missing.toString());
    assertTrue(missing.err().contains(none.toString()), missing.toString());

    CliRun empty = audit(groups("resume_id,group\n\n"), "--threshold", "50");
    assertEquals(1, empty.code(), empty.toString());
    assertTrue(empty.err().contains("groups.csv: no 'resume_id,group' line"), empty.toString());

    CliRun nobody = audit(groups("someone-else,A\n"), "--threshold", "50");
    assertEquals(1, nobody.code(), nobody.toString());
    assertTrue(nobody.err().contains("no resume read has a group label"), nobody.toString());
    for (CliRun x : List.of(missingComma, twice, open, notUtf8, missing, empty, nobody)) {
      assertFalse(x.err().contains("\tat "), "no stack trace\n" + x);
    }
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    Path g = groups(GROUPS);
    assertEquals(2, audit(g, "--threshold", "150").code());
    assertEquals(2, audit(g).code(), "--threshold is required");
    assertEquals(2, audit(g, "--threshold", "50", "--format", "xml").code());
    assertEquals(2, CliRun.of("audit", "--resumes", RESUMES, "--role", "x", "--groups",
        g.toString(), "--threshold", "50").code(), "--roles or --index is needed");
  }

  @Test
  void anUnknownRoleExitsOne() throws Exception {
    CliRun r = CliRun.of("audit", "--roles", POSTINGS, "--resumes", RESUMES, "--role",
        "Chief Zeppelin Officer", "--groups", groups(GROUPS).toString(), "--threshold", "50");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("no role has the id or title 'Chief Zeppelin Officer'"), r.toString());
  }

  @Test
  void auditHasHelpWithExamples() {
    CliRun r = CliRun.of("audit", "--help");
    assertEquals(0, r.code(), r.toString());
    String help = r.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("Examples:") && help.contains("never infers a group"), r.toString());
  }
}
