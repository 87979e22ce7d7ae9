package org.rolematch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rolematch.explain.Renderer;
import org.rolematch.ingest.PostingParser;
import org.rolematch.ingest.ResumeParser;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Degree;
import org.rolematch.model.Evidence;
import org.rolematch.model.Position;
import org.rolematch.model.Role;
import org.rolematch.model.Skill;
import org.rolematch.score.ClauseMatch;
import org.rolematch.score.MatchResult;
import org.rolematch.score.Scorer;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Counterfactual fairness: {@value #RESUMES} generated resumes ({@link CounterfactualResumes}),
 * each rendered for two people who differ in every protected fact (name, pronouns, gendered
 * words, age and birth date, nationality, marital status) and in nothing else. For every role of
 * the sample postings, both renderings must get the identical score (exactly, as doubles) and the
 * identical explanation: the same status, credit, contribution and reason for every requirement,
 * and the same text, Markdown and JSON rendering once the candidate id is normalised and the
 * swapped words themselves are, in evidence only (evidence quotes the resume's own text: "She
 * built Spark" against "He built Spark"; its offsets shift with the length of a swapped word).
 * Names are not normalised: the parser masks them, so they must not appear at all. The two profiles must
 * also be equal in everything a scorer reads.
 */
class CounterfactualFairnessTest {
  static final int RESUMES = 200;
  static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);

  @Test
  void swappingProtectedFactsChangesNoScoreAndNoExplanation() throws Exception {
    Taxonomy taxonomy = Taxonomy.defaults();
    ResumeParser parser = ResumeParser.builder().taxonomy(taxonomy).asOf(AS_OF).build();
    Scorer scorer = Scorer.of(taxonomy, ScoringPolicy.defaults());
    PostingParser postings = PostingParser.of(taxonomy);
    List<Role> roles = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("..", "samples", "postings"))) {
      for (Path f : s.sorted().toList()) {
        roles.addAll(postings.parse(f).roles());
      }
    }
    assertTrue(roles.size() >= 8, "the sample postings hold roles: " + roles.size());

    Random rnd = new Random(20250701L);
    int comparisons = 0;
    int nonZero = 0;
    for (int i = 0; i < RESUMES; i++) {
      CounterfactualResumes.Base base = CounterfactualResumes.Base.random(i, rnd);
      // names that are also concepts of the taxonomy ("Julia") stay readable as skills by design
      CounterfactualResumes.Person[] who = CounterfactualResumes.pair(rnd,
          n -> taxonomy.lookup(n).isEmpty());
      String textA = base.render(who[0]);
      String textB = base.render(who[1]);
      CandidateProfile a = parser.parse("resume-" + i + "-a", textA);
      CandidateProfile b = parser.parse("resume-" + i + "-b", textB);
      String context = "resume " + i + " for " + who[0] + " and " + who[1] + "\n--- A\n" + textA
          + "\n--- B\n" + textB;
      assertEquals(matchable(a), matchable(b), "the profiles differ in what a scorer reads: "
          + context);
      for (Role role : roles) {
        MatchResult ra = scorer.score(role, a);
        MatchResult rb = scorer.score(role, b);
        assertEquals(ra.score(), rb.score(), 0.0, role.id() + ": " + context);
        assertEquals(ra.eligible(), rb.eligible(), role.id() + ": " + context);
        for (int c = 0; c < ra.clauses().size(); c++) {
          var ca = ra.clauses().get(c);
          var cb = rb.clauses().get(c);
          assertEquals(ca.status(), cb.status(), role.id() + " " + ca.requirement().id() + ": " + context);
          assertEquals(ca.credit(), cb.credit(), 0.0, role.id() + " " + ca.requirement().id());
          assertEquals(ca.contribution(), cb.contribution(), 0.0, role.id());
          assertEquals(ca.reason(), cb.reason(), role.id() + " " + ca.requirement().id() + ": " + context);
        }
        MatchResult na = normalise(ra, who[0]);
        MatchResult nb = normalise(rb, who[1]);
        for (Renderer r : List.of(Renderer.text(), Renderer.markdown(), Renderer.json())) {
          assertEquals(r.render(na), r.render(nb),
              "the explanations differ for role " + role.id() + ": " + context);
        }
        comparisons++;
        if (ra.score() > 0) {
          nonZero++;
        }
      }
    }
    System.out.println(String.format(Locale.ROOT, "counterfactual fairness: %d resumes x 2 people,"
        + " %d roles, %d comparisons (%d with a score above 0): identical scores and explanations",
        RESUMES, roles.size(), comparisons, nonZero));
    assertTrue(nonZero > comparisons / 2, "most comparisons should involve real matches");
  }

  /** What a scorer reads of a profile: everything but the id and the evidence. */
  static String matchable(CandidateProfile p) {
    StringBuilder b = new StringBuilder();
    for (Degree d : p.degrees()) {
      b.append("degree ").append(d.level()).append(' ').append(d.field()).append(' ')
          .append(d.status()).append(' ').append(d.endYear()).append('\n');
    }
    for (Position pos : p.positions()) {
      b.append("position ").append(pos.title()).append(" | ").append(pos.organisation())
          .append(" | ").append(pos.start()).append(" | ").append(pos.end()).append(" | ")
          .append(pos.type()).append('\n');
    }
    b.append("years ").append(p.yearsExperience()).append(" internships ").append(p.internships())
        .append(" publications ").append(p.publications()).append(' ')
        .append(p.publicationVenues()).append('\n');
    for (Skill s : p.skills()) {
      b.append("skill ").append(s.concept()).append(' ').append(s.kind()).append(' ')
          .append(s.years()).append('\n');
    }
    b.append("location ").append(p.location()).append(" authorisations ")
        .append(p.workAuthorizations());
    return b.toString();
  }

  static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");

  /**
   * The result with the candidate id normalised, and in each evidence the swapped words replaced
   * by their slot names and the offsets dropped (they shift with the length of a swapped word);
   * everything else (scores, statuses, credits, weights, reasons, requirement texts) untouched.
   */
  static MatchResult normalise(MatchResult r, CounterfactualResumes.Person who) {
    List<ClauseMatch> clauses = new ArrayList<>();
    for (ClauseMatch c : r.clauses()) {
      List<Evidence> ev = new ArrayList<>();
      for (Evidence e : c.evidence()) {
        ev.add(Evidence.of(normalise(e.text(), who)));
      }
      clauses.add(new ClauseMatch(c.requirement(), c.status(), c.credit(), c.weight(),
          c.contribution(), c.knockout(), ev, c.reason()));
    }
    return new MatchResult(r.roleId(), r.roleTitle(), "<candidate>", r.score(), r.eligible(),
        clauses);
  }

  static String normalise(String text, CounterfactualResumes.Person who) {
    String s = text;
    for (Map.Entry<String, String> e : who.slotWords().entrySet()) {
      s = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(e.getKey()) + "(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE).matcher(s).replaceAll(e.getValue());
    }
    return SPACES.matcher(s).replaceAll(" ").strip();
  }
}
