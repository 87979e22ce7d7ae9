package org.rolematch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.EmploymentType;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Role;
import org.rolematch.score.Fixtures;
import org.rolematch.score.MatchResult;
import org.rolematch.score.ScoringPolicy;

class MatcherTest {
  private static Role intern(String id, String... langs) {
    Role r = Fixtures.role(id,
        Fixtures.degreeReq("r1", DegreeLevel.BACHELOR, DegreeStatus.IN_PROGRESS),
        Fixtures.req("r2", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, langs));
    return new Role(id, "Intern " + id, "Acme", EmploymentType.INTERNSHIP, List.of(),
        Optional.empty(), r.requirements(), "");
  }

  private static CandidateProfile student(String id, String... skills) {
    Fixtures.ProfileBuilder b = Fixtures.profile(id).degree(DegreeLevel.BACHELOR,
        "computer science", DegreeStatus.IN_PROGRESS);
    for (String s : skills) {
      b.skill(s);
    }
    return b.build();
  }

  @Test
  void builderChecksEachOptionAsItIsSet() {
    MatcherBuilder b = Matcher.builder();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.maxBufferedDocs(-3));
    assertTrue(e.getMessage().contains("maxBufferedDocs") && e.getMessage().contains("-3"));
    e = assertThrows(IllegalArgumentException.class,
        () -> b.resumeClock(LocalDate.of(1800, 1, 1)));
    assertTrue(e.getMessage().contains("resumeClock"));
    assertThrows(NullPointerException.class, () -> b.policy(null));
    assertThrows(NullPointerException.class, () -> b.taxonomy(null));
  }

  @Test
  void ranksBothWaysAndExplains() throws Exception {
    try (Matcher m = Matcher.builder().taxonomy(Fixtures.smallTaxonomy()).build()) {
      m.addRoles(List.of(intern("py", "python"), intern("go", "go"), intern("java", "java")));
      m.addCandidates(List.of(student("ann", "python"), student("bob", "scala"),
          student("cid", "go")));
      assertEquals(3, m.roleCount());
      assertEquals(3, m.candidateCount());

      List<MatchResult> roles = m.rankRoles(student("x", "go"), 2);
      assertEquals(List.of("go", "java"), roles.stream().map(MatchResult::roleId).toList());
      assertEquals(100.0, roles.get(0).score(), 1e-9);

      List<MatchResult> cands = m.rankCandidates("py", 3);
      assertEquals("ann", cands.get(0).candidateId());
      assertEquals(List.of("ann", "bob", "cid"),
          cands.stream().map(MatchResult::candidateId).toList());

      MatchResult ex = m.explain("go", "bob");
      assertEquals("go", ex.roleId());
      assertEquals(2, ex.clauses().size());
      assertEquals(ex.score(), m.explain(m.role("go").orElseThrow(),
          m.candidate("bob").orElseThrow()).score(), 0.0);
      assertThrows(IllegalArgumentException.class, () -> m.explain("nope", "bob"));
      assertThrows(IllegalArgumentException.class, () -> m.rankCandidates("nope", 3));
      assertThrows(IllegalArgumentException.class, () -> m.rankRoles(student("x"), 0));
    }
  }

  @Test
  void updatesAndRemovalsAreVisibleToTheNextSearch() throws Exception {
    try (Matcher m = Matcher.builder().taxonomy(Fixtures.smallTaxonomy()).build()) {
      m.addRole(intern("a", "python"));
      m.updateRole(intern("a", "go"));
      assertEquals(1, m.roleCount());
      assertEquals(100.0, m.rankRoles(student("x", "go"), 1).get(0).score(), 1e-9);
      assertTrue(m.removeRole("a"));
      assertFalse(m.removeRole("a"));
      assertTrue(m.rankRoles(student("x", "go"), 1).isEmpty());
      m.addCandidate(student("c", "go"));
      m.updateCandidate(student("c", "python"));
      assertTrue(m.candidate("c").orElseThrow().has("python"));
      assertTrue(m.removeCandidate("c"));
      assertEquals(0, m.candidateCount());
    }
  }

  @Test
  void filterHookRestrictsRankings() throws Exception {
    try (Matcher m = Matcher.builder().taxonomy(Fixtures.smallTaxonomy()).build()) {
      Role fullTime = new Role("ft", "Engineer", "", EmploymentType.FULL_TIME, List.of("Remote"),
          Optional.empty(), intern("x", "python").requirements(), "");
      m.addRoles(List.of(fullTime, intern("in", "go")));
      CandidateProfile p = student("p", "python");
      assertEquals("ft", m.rankRoles(p, 1).get(0).roleId());
      assertEquals("in", m.rankRoles(p, 1, RoleFilter.internships()).get(0).roleId());
      assertEquals("ft", m.rankRoles(p, 5, RoleFilter.remote()).get(0).roleId());
      assertEquals(1, m.rankRoles(p, 5, RoleFilter.remote()).size());
      m.addCandidates(List.of(student("a", "python"), student("b", "python").withId("b")));
      assertEquals(List.of("b"), m.rankCandidates("ft", 5, c -> c.id().equals("b")).stream()
          .map(MatchResult::candidateId).toList());
    }
  }

  @Test
  void closedMatcherRefusesWork() throws Exception {
    Matcher m = Matcher.builder().taxonomy(Fixtures.smallTaxonomy()).build();
    m.close();
    m.close();
    assertThrows(IllegalStateException.class, () -> m.roleCount());
  }

  @Test
  void onDiskMatcherReopensWithEverything(@TempDir Path dir) throws Exception {
    List<MatchResult> before;
    try (Matcher m = Matcher.builder().taxonomy(Fixtures.smallTaxonomy()).directory(dir).build()) {
      m.addRoles(List.of(intern("py", "python"), intern("go", "go")));
      m.addCandidate(student("ann", "python"));
      before = m.rankRoles(student("x", "python"), 2);
    }
    try (Matcher m = Matcher.builder().taxonomy(Fixtures.smallTaxonomy()).directory(dir).build()) {
      assertEquals(2, m.roleCount());
      assertEquals(1, m.candidateCount());
      assertEquals(before, m.rankRoles(student("x", "python"), 2));
    }
  }

  private static final String RESUME = """
      NAME_HERE
      Austin, TX | someone@example.com
      PERSONAL_LINE
      Summary
      PRONOUN is a software engineer who enjoys building data pipelines.
      Education
      University of Texas at Austin — B.S. in Computer Science, May 2020
      Experience
      Software Engineer, Acme Corp — Jun 2020 to Present
        • Built Python and SQL services on AWS; used Spark and Kafka for streaming
      Skills
      Python, Java, SQL, Spark, Kafka, Docker, Git
      """;

  @Test
  void namesPronounsAndAgesNeverChangeAScore() throws Exception {
    Optional<org.rolematch.taxonomy.Taxonomy> tax = Optional.empty();
    try {
      tax = Optional.of(org.rolematch.taxonomy.Taxonomy.defaults());
    } catch (RuntimeException e) {
      org.junit.jupiter.api.Assumptions.abort("the bundled taxonomy is missing");
    }
    try (Matcher m = Matcher.builder().taxonomy(tax.get()).resumeClock(LocalDate.of(2025, 7, 1))
        .policy(ScoringPolicy.defaults()).build()) {
      Fixtures.RandomData data = new Fixtures.RandomData(tax.get(), 5);
      List<Role> roles = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        roles.add(data.role("r" + i));
      }
      m.addRoles(roles);
      String[][] variants = {
          {"Kenji Marlowe-Osei", "He", "Age: 24"},
          {"Maria Fernanda López", "She", "Age: 58"},
          {"Alex Kim", "They", "Date of birth: 1961-03-04"},
          {"Mohammed Al-Rashid", "He", "Marital status: married"},
      };
      List<Double> reference = null;
      for (String[] v : variants) {
        String text = RESUME.replace("NAME_HERE", v[0]).replace("PRONOUN", v[1])
            .replace("PERSONAL_LINE", v[2]);
        CandidateProfile p = m.parseResume("same-id", text);
        List<Double> scores = new ArrayList<>();
        for (Role r : roles) {
          scores.add(m.explain(r, p).score());
        }
        List<MatchResult> ranked = m.rankRoles(p, 20);
        scores.add(ranked.get(0).score());
        if (reference == null) {
          reference = scores;
        } else {
          assertEquals(reference, scores, "scores changed with " + String.join(", ", v));
        }
      }
    }
  }
}
