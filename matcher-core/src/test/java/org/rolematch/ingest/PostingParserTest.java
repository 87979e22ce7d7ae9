package org.rolematch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rolematch.ingest.PostingFixtures.describe;
import static org.rolematch.ingest.PostingFixtures.has;
import static org.rolematch.ingest.PostingFixtures.mentions;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.EmploymentType;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.taxonomy.Taxonomy;

class PostingParserTest {
  static final PostingParser PARSER = PostingParser.of(Taxonomy.defaults());

  static ParsedPosting fixture(String name) throws Exception {
    Path p = Path.of(PostingParserTest.class.getResource("/samples/postings/" + name).toURI());
    return PARSER.parse(p);
  }

  static Role only(ParsedPosting p) {
    assertEquals(1, p.roles().size(), () -> "roles: " + p.roles().stream().map(Role::title).toList());
    return p.roles().get(0);
  }

  @Test
  void minimumAndPreferredQualificationsOfAGoogleStylePosting() throws Exception {
    Role r = only(fixture("northwind-swe-minimum-quals.txt"));
    String d = describe(r);
    assertEquals("Software Engineer, Search Infrastructure", r.title());
    assertEquals("Northwind Labs", r.organisation());
    assertEquals(EmploymentType.FULL_TIME, r.employmentType());
    Requirement degree = r.requirements().get(0);
    assertEquals(Kind.DEGREE, degree.kind(), d);
    assertEquals(DegreeLevel.BACHELOR, degree.minDegree(), d);
    assertEquals(DegreeStatus.COMPLETED, degree.degreeStatus(), d);
    assertTrue(degree.anyOf().contains("equivalent experience"), d);
    assertTrue(r.requirements().stream().anyMatch(q -> q.kind() == Kind.EXPERIENCE_YEARS
        && q.minYears() == 2 && q.anyOf().contains("algorithms")), d);
    assertTrue(has(r, Kind.PROGRAMMING_LANGUAGE, Importance.PREFERRED, "java", "c++", "go"), d);
    assertTrue(has(r, Kind.TOOL, Importance.PREFERRED, "kubernetes"), d);
    assertTrue(has(r, Kind.FIELD_OF_STUDY, Importance.PREFERRED, "computer science", "related field"), d);
    assertFalse(mentions(r, "python"), "Python is only named in responsibilities\n" + d);
    assertFalse(mentions(r, "rust"), d);
    assertEquals(150_000, r.salary().orElseThrow().min());
    assertEquals(210_000, r.salary().orElseThrow().max());
    assertEquals("year", r.salary().orElseThrow().period());
  }

  @Test
  void basicQualificationsOfAnAmazonStylePosting() throws Exception {
    Role r = only(fixture("riverbend-data-engineer-basic-quals.txt"));
    String d = describe(r);
    assertEquals("Data Engineer II, Fulfillment Analytics", r.title());
    assertTrue(r.requirements().stream().anyMatch(q -> q.kind() == Kind.EXPERIENCE_YEARS && q.minYears() == 3), d);
    assertTrue(has(r, Kind.DATA_TECHNOLOGY, Importance.REQUIRED, "sql"), d);
    assertTrue(has(r, Kind.DATA_TECHNOLOGY, Importance.PREFERRED, "hadoop", "hive", "spark"), d);
    assertTrue(has(r, Kind.PROGRAMMING_LANGUAGE, Importance.PREFERRED, "python", "scala"), d);
    assertFalse(mentions(r, "big data technology"), "a category followed by examples is not asked for\n" + d);
    assertFalse(mentions(r, "airflow"), "Airflow is in responsibilities only\n" + d);
    assertEquals(118_900, r.salary().orElseThrow().min());
  }

  @Test
  void proseQualificationsSplitIntoSentencesAndCues() throws Exception {
    Role r = only(fixture("harbor-pine-analyst-prose.txt"));
    String d = describe(r);
    assertTrue(r.requirements().stream().anyMatch(q -> q.kind() == Kind.EXPERIENCE_YEARS && q.minYears() == 1), d);
    assertTrue(has(r, Kind.FIELD_OF_STUDY, Importance.REQUIRED, "statistics", "economics", "related field"), d);
    assertTrue(has(r, Kind.TOOL, Importance.PREFERRED, "tableau", "power bi"), "'a plus' makes it preferred\n" + d);
    assertTrue(has(r, Kind.TOOL, Importance.REQUIRED, "excel"), d);
    assertTrue(has(r, Kind.LOCATION, Importance.REQUIRED, "canada"), d);
    assertTrue(has(r, Kind.LOCATION, Importance.REQUIRED, "work authorization"), d);
    assertFalse(mentions(r, "vacation"), d);
  }

  @Test
  void onePageWithTwoRolesGivesTwoRolesWithTheirOwnClauses() throws Exception {
    ParsedPosting p = fixture("lumen-robotics-internships.txt");
    assertEquals(List.of("Software Engineering Intern", "Research Intern, Perception"),
        p.roles().stream().map(Role::title).toList());
    Role swe = p.roles().get(0);
    Role research = p.roles().get(1);
    assertEquals(EmploymentType.INTERNSHIP, swe.employmentType());
    String d = describe(swe);
    Requirement k = swe.requirements().stream()
        .filter(q -> q.kind() == Kind.PROGRAMMING_LANGUAGE).findFirst().orElseThrow(() -> new AssertionError(d));
    assertEquals(2, k.minCount(), "two or more of ...\n" + d);
    assertEquals(List.of("c", "c++", "java", "python"), k.anyOf(), d);
    assertTrue(has(swe, Kind.TOOL, Importance.REQUIRED, "version control"), "generic part stays required\n" + d);
    assertTrue(has(swe, Kind.TOOL, Importance.PREFERRED, "git"), "specific part after 'preferably'\n" + d);
    Requirement degree = swe.requirements().get(0);
    assertEquals(DegreeStatus.IN_PROGRESS, degree.degreeStatus(), d);
    assertEquals(List.of("bachelor", "master"), degree.anyOf(), d);
    String rd = describe(research);
    assertEquals(DegreeLevel.PHD, research.requirements().get(0).minDegree(), rd);
    assertTrue(research.requirements().stream().anyMatch(q -> q.kind() == Kind.PUBLICATION), rd);
    assertTrue(has(research, Kind.LOCATION, Importance.REQUIRED, "united states"), rd);
    assertFalse(mentions(swe, "pytorch"), "clauses stay with their own role");
    assertFalse(mentions(research, "c++"), "clauses stay with their own role");
  }

  @Test
  void jsonLdJobPostingMapsStructuredAndFreeTextFields() throws Exception {
    Role r = only(fixture("acme-jobposting.json"));
    String d = describe(r);
    assertEquals("Machine Learning Engineer, Recommendations", r.title());
    assertEquals("Acme Streaming", r.organisation());
    assertEquals(EmploymentType.FULL_TIME, r.employmentType());
    assertTrue(r.locationConstraints().contains("remote"));
    assertEquals(160_000, r.salary().orElseThrow().min());
    assertTrue(r.requirements().stream().anyMatch(q -> q.kind() == Kind.DEGREE
        && q.minDegree() == DegreeLevel.BACHELOR), d);
    assertTrue(r.requirements().stream().anyMatch(q -> q.kind() == Kind.EXPERIENCE_YEARS && q.minYears() == 3), d);
    assertTrue(has(r, Kind.LOCATION, Importance.REQUIRED, "united states"), d);
    assertTrue(has(r, Kind.ML_FRAMEWORK, Importance.REQUIRED, "pytorch"), d);
    assertTrue(has(r, Kind.DATA_TECHNOLOGY, Importance.PREFERRED, "spark", "flink"), d);
  }

  @Test
  void jsonLdInsideASavedHtmlPage(@TempDir Path dir) throws Exception {
    Path json = Path.of(getClass().getResource("/samples/postings/acme-jobposting.json").toURI());
    String html = "<html><head><script type=\"application/ld+json\">" + Files.readString(json)
        + "</script></head><body><h1>Careers</h1></body></html>";
    Path page = dir.resolve("acme.html");
    Files.writeString(page, html);
    Role r = only(PARSER.parse(page));
    assertEquals("Machine Learning Engineer, Recommendations", r.title());
  }

  @Test
  void malformedJsonLdNamesTheProblem(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"@type\": \"JobPosting\", \"title\": ");
    ParseException e = assertThrows(ParseException.class, () -> PARSER.parse(bad));
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    Path other = dir.resolve("other.json");
    Files.writeString(other, "{\"@type\": \"Organization\"}");
    assertTrue(assertThrows(ParseException.class, () -> PARSER.parse(other)).getMessage().contains("JobPosting"));
    Path months = dir.resolve("months.json");
    Files.writeString(months, "{\"@type\":\"JobPosting\",\"title\":\"X\",\"experienceRequirements\":"
        + "{\"monthsOfExperience\": 1e400}}");
    assertTrue(assertThrows(ParseException.class, () -> PARSER.parse(months)).getMessage()
        .contains("monthsOfExperience"));
    Path deep = dir.resolve("deep.json");
    Files.writeString(deep, "[".repeat(5000) + "]".repeat(5000));
    assertThrows(ParseException.class, () -> PARSER.parse(deep));
  }

  @Test
  void boilerplateNeverBecomesRequirements() throws Exception {
    String page = String.join("\n",
        "Backend Engineer",
        "Requirements:",
        "- 3+ years of experience with Java",
        "Benefits",
        "- Free Python and SQL training, gym membership",
        "About Acme:",
        "Acme builds Kafka tooling for banks.",
        "Acme is an equal opportunity employer and does not discriminate on the basis of age or gender.",
        "The salary for this position is $120,000-$140,000 per year.");
    Role r = only(PARSER.parse(page, "acme"));
    String d = describe(r);
    assertEquals(1, r.requirements().size(), d);
    assertTrue(has(r, Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, "java"), d);
    assertEquals(3, r.requirements().get(0).minYears(), d);
    assertEquals("Acme", r.organisation());
  }

  @Test
  void evidenceOffsetsPointAtTheSourceSentence() throws Exception {
    Path p = Path.of(getClass().getResource("/samples/postings/northwind-swe-minimum-quals.txt").toURI());
    String text = Files.readString(p);
    for (Role r : PARSER.parse(text, "northwind").roles()) {
      for (Requirement q : r.requirements()) {
        String span = text.substring(q.evidence().start(), q.evidence().end());
        assertEquals(q.text(), span.replaceAll("\\s+", " ").strip());
      }
    }
  }

  @Test
  void emptyAndBinaryAndOversizedInputAreReportedNotCrashed(@TempDir Path dir) throws Exception {
    ParsedPosting empty = PARSER.parse("   \n\t ", "blank");
    assertTrue(empty.roles().isEmpty());
    assertFalse(empty.notes().isEmpty());
    assertTrue(PARSER.parse("Just a line of text", "one").roles().isEmpty());
    assertTrue(assertThrows(ParseException.class, () -> PARSER.parse("ab\u0000cd", "bin"))
        .getMessage().contains("binary"));
    Path bin = dir.resolve("x.txt");
    Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41, (byte) 0xc3});
    assertTrue(assertThrows(ParseException.class, () -> PARSER.parse(bin)).getMessage().contains("UTF-8"));
    String big = "Requirements:\n- Java\n" + "x".repeat(PostingParser.DEFAULT_MAX_CHARS);
    ParseException e = assertThrows(ParseException.class, () -> PARSER.parse(big, "big"));
    assertTrue(e.getMessage().contains("limit"), e.getMessage());
    assertEquals(1, only(PARSER.withMaxChars(Integer.MAX_VALUE - 8).parse(big, "big")).requirements().size());
  }

  @Test
  void aVeryLongLineIsReadWholeAndQuickly() throws Exception {
    String line = "Experience with Java, " + "and, ".repeat(20_000) + "Python";
    ParsedPosting p = PARSER.parse("Engineer\nRequirements:\n- " + line + "\n", "long");
    assertTrue(mentions(only(p), "python"));
  }

  @Test
  void markdownHeadingsAndTitle() throws Exception {
    Role r = only(fixture("ledgerly-backend-markdown.txt"));
    String d = describe(r);
    assertEquals("Senior Backend Engineer (Payments)", r.title());
    assertTrue(r.requirements().stream().anyMatch(q -> q.minYears() == 5 && q.anyOf().contains("kotlin")
        && q.anyOf().contains("java")), d);
    assertTrue(r.requirements().stream().anyMatch(q -> q.kind() == Kind.DEGREE
        && q.anyOf().contains("equivalent experience") && q.minDegree() == null), d);
    assertTrue(has(r, Kind.TOOL, Importance.PREFERRED, "kubernetes"), d);
    assertTrue(has(r, Kind.TOOL, Importance.PREFERRED, "terraform"), d);
    assertFalse(mentions(r, "mentoring"), "mentoring is a responsibility here\n" + d);
  }

  @Test
  void numberedListsUpperCaseTitleAndWorkAuthorisation() throws Exception {
    Role r = only(fixture("saltmarsh-clinical-data-numbered.txt"));
    String d = describe(r);
    assertEquals("Clinical Data Scientist", r.title());
    assertEquals(DegreeLevel.MASTER, r.requirements().get(0).minDegree(), d);
    assertTrue(has(r, Kind.FIELD_OF_STUDY, Importance.REQUIRED, "statistics", "related field"), d);
    assertTrue(r.requirements().stream().anyMatch(q -> q.kind() == Kind.EXPERIENCE_YEARS && q.minYears() == 3
        && q.anyOf().contains("statistical modeling")), d);
    assertTrue(has(r, Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, "r", "python"), d);
    assertTrue(has(r, Kind.SKILL, Importance.PREFERRED, "causal inference"), d);
    assertTrue(has(r, Kind.LOCATION, Importance.REQUIRED, "united states"), d);
    assertEquals(135_000, r.salary().orElseThrow().min());
  }

  @Test
  void bareParenthesisedExamplesOfAnotherKindStartTheirOwnClause() throws Exception {
    Role r = only(PARSER.parse("""
        Analytics Engineer

        Requirements:
          - Experience in at least one scripting language and proficiency in SQL/Hive (Python, R)
          - Fluency in SQL (or other database languages)
        """, "mixed"));
    String d = describe(r);
    assertTrue(has(r, Kind.DATA_TECHNOLOGY, Importance.REQUIRED, "sql", "hive"), d);
    assertTrue(has(r, Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, "python", "r"), d);
    assertFalse(r.requirements().stream().anyMatch(q -> q.anyOf().contains("sql")
        && q.anyOf().contains("python")), "no clause mixes SQL with Python\n" + d);
  }

  @Test
  void aPriorInternshipClauseKeepsTheFieldItNames() throws Exception {
    Role r = only(PARSER.parse("""
        Software Engineer, New Grad

        Requirements:
          - Previous software engineering internships
          - Proficiency in Java
        """, "newgrad"));
    String d = describe(r);
    Requirement intern = r.requirements().stream()
        .filter(q -> q.kind() == Kind.PRIOR_INTERNSHIP).findFirst().orElseThrow();
    assertEquals(List.of("internship", "software engineering"), intern.anyOf(), d);
  }
}
