package org.rolematch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Degree;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Kind;
import org.rolematch.model.Position;
import org.rolematch.model.Position.PositionType;
import org.rolematch.model.Skill;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;

/** The plain-text parser's behaviour, over a small taxonomy built here. */
class ResumeParserTest {
  static final LocalDate CLOCK = LocalDate.of(2025, 7, 1);

  static Concept c(String id, Kind kind, List<Kind> also, List<String> aliases,
      List<String> ambiguous) {
    return new Concept(id, kind, also, aliases, ambiguous, List.of());
  }

  static final Taxonomy SMALL = Taxonomy.of(List.of(
      c("python", Kind.PROGRAMMING_LANGUAGE, List.of(), List.of(), List.of()),
      c("java", Kind.PROGRAMMING_LANGUAGE, List.of(), List.of(), List.of()),
      c("go", Kind.PROGRAMMING_LANGUAGE, List.of(), List.of("golang"), List.of("Go")),
      c("r", Kind.PROGRAMMING_LANGUAGE, List.of(), List.of(), List.of("R")),
      c("sql", Kind.DATA_TECHNOLOGY, List.of(), List.of(), List.of()),
      c("spark", Kind.DATA_TECHNOLOGY, List.of(), List.of("Apache Spark"), List.of("Spark")),
      c("kafka", Kind.DATA_TECHNOLOGY, List.of(), List.of(), List.of()),
      c("pytorch", Kind.ML_FRAMEWORK, List.of(), List.of("torch"), List.of()),
      c("docker", Kind.TOOL, List.of(), List.of(), List.of()),
      c("spring framework", Kind.TOOL, List.of(), List.of("Spring Boot"), List.of("Spring")),
      c("computer science", Kind.FIELD_OF_STUDY, List.of(), List.of("CS"), List.of()),
      c("statistics", Kind.FIELD_OF_STUDY, List.of(Kind.SKILL), List.of(), List.of()),
      c("marketing", Kind.FIELD_OF_STUDY, List.of(Kind.SKILL), List.of(), List.of()),
      c("machine learning", Kind.RESEARCH_AREA, List.of(Kind.FIELD_OF_STUDY), List.of("ML"),
          List.of()),
      c("teaching", Kind.SKILL, List.of(), List.of("teaching assistant"), List.of()),
      c("research", Kind.SKILL, List.of(), List.of(), List.of()),
      c("communication", Kind.SOFT_SKILL, List.of(), List.of("communicator"), List.of()),
      c("united states", Kind.LOCATION, List.of(), List.of("US", "USA"), List.of())));

  static final ResumeParser PARSER = ResumeParser.builder().taxonomy(SMALL).asOf(CLOCK).build();

  static CandidateProfile parse(String text) throws ParseException {
    return PARSER.parse("t", text);
  }

  static List<String> concepts(CandidateProfile p) {
    return p.skills().stream().map(Skill::concept).toList();
  }

  static String describe(CandidateProfile p) {
    return ProfileJson.write(p);
  }

  static Skill skill(CandidateProfile p, String id) {
    return p.skills().stream().filter(s -> s.concept().equals(id)).findFirst().orElseThrow(
        () -> new AssertionError("no skill " + id + " in " + concepts(p)));
  }

  static final String RESUME = """
      Jordan Example
      Austin, TX | jordan@example.com | (512) 555-0100

      EXPERIENCE
      Software Engineer — Northwind Data, Austin, TX | Mar 2020 – Present
      - Built ingestion services in Java and Go; 5 years of Python for tooling
      Software Engineering Intern — Bluegate Labs (Jun 2019 – Aug 2019)
      - Spark jobs over Kafka topics

      EDUCATION
      B.S. in Computer Science, Lakeside University, 2020

      SKILLS
      Languages: Python, Java, Go, SQL
      Tools: Docker, PyTorch
      """;

  @Test
  void readsDegreesPositionsYearsAndSkills() throws ParseException {
    CandidateProfile p = parse(RESUME);
    String d = describe(p);
    assertEquals(1, p.degrees().size(), d);
    Degree deg = p.degrees().get(0);
    assertEquals(DegreeLevel.BACHELOR, deg.level());
    assertEquals("computer science", deg.field());
    assertEquals(DegreeStatus.COMPLETED, deg.status());
    assertEquals(OptionalInt.of(2020), deg.endYear());
    assertEquals(2, p.positions().size(), d);
    Position job = p.positions().get(0);
    assertEquals("Software Engineer", job.title());
    assertEquals("Northwind Data", job.organisation());
    assertEquals(YearMonth.of(2020, 3), job.start());
    assertEquals(Optional.empty(), job.end());
    assertEquals(PositionType.PROFESSIONAL, job.type());
    assertEquals(PositionType.INTERNSHIP, p.positions().get(1).type());
    assertEquals(1, p.internships());
    assertEquals(5 + 4 / 12.0, p.yearsExperience(), 1e-9, d); // Mar 2020 to Jul 2025
    assertEquals(Optional.of("Austin, TX"), p.location());
    assertTrue(concepts(p).containsAll(List.of("java", "go", "python", "spark", "kafka", "sql",
        "docker", "pytorch")), d);
    assertEquals(5.0, skill(p, "python").years(), d);
    assertEquals(0.0, skill(p, "java").years(), d);
    assertEquals(Kind.ML_FRAMEWORK, skill(p, "pytorch").kind());
  }

  @Test
  void presentIsReadAgainstTheGivenClock() throws ParseException {
    ResumeParser earlier = ResumeParser.builder().taxonomy(SMALL)
        .asOf(LocalDate.of(2023, 3, 1)).build();
    assertEquals(3.0, earlier.parse("t", RESUME).yearsExperience(), 1e-9);
    assertEquals(5 + 4 / 12.0, parse(RESUME).yearsExperience(), 1e-9);
  }

  @Test
  void skillEvidencePointsIntoTheDocument() throws ParseException {
    CandidateProfile p = parse(RESUME);
    Skill kafka = skill(p, "kafka");
    assertTrue(kafka.evidence().hasOffsets());
    assertEquals("- Spark jobs over Kafka topics",
        RESUME.substring(kafka.evidence().start() - 2, kafka.evidence().end()));
    assertEquals("Spark jobs over Kafka topics", kafka.evidence().text());
  }

  @Test
  void degreeStatusFollowsExpectedPresentAndTheClock() throws ParseException {
    CandidateProfile p = parse("""
        EDUCATION
        Ph.D. in Computer Science, Lakeside University        2021 – present (expected 2026)
        M.S. in Statistics, Lakeside University               2019 – 2021
        Bachelor of Science in Business Administration, Marketing major, Statistics minor — expected May 2027
        MBA, Hillcrest School of Management, 2015 – present
        Master of Science in Computer Science, graduated May 2025
        """);
    String d = describe(p);
    List<Degree> ds = p.degrees();
    assertEquals(5, ds.size(), d);
    assertEquals(new DegreeSummary(DegreeLevel.PHD, "computer science", DegreeStatus.IN_PROGRESS,
        OptionalInt.of(2026)), DegreeSummary.of(ds.get(0)));
    assertEquals(new DegreeSummary(DegreeLevel.MASTER, "statistics", DegreeStatus.COMPLETED,
        OptionalInt.of(2021)), DegreeSummary.of(ds.get(1)));
    assertEquals(new DegreeSummary(DegreeLevel.BACHELOR, "marketing", DegreeStatus.IN_PROGRESS,
        OptionalInt.of(2027)), DegreeSummary.of(ds.get(2)), "the major, not the minor");
    assertEquals(new DegreeSummary(DegreeLevel.MASTER, "business administration",
        DegreeStatus.IN_PROGRESS, OptionalInt.empty()), DegreeSummary.of(ds.get(3)));
    assertEquals(new DegreeSummary(DegreeLevel.MASTER, "computer science",
        DegreeStatus.COMPLETED, OptionalInt.of(2025)), DegreeSummary.of(ds.get(4)));
  }

  @Test
  void degreePhrasingsAroundTheField() throws ParseException {
    CandidateProfile p = parse("""
        EDUCATION
        PhD Candidate, Computer Science — Lakeside University (2022 – present)
        B.S. degree in Statistics, Lakeside University, 2018
        Bachelor's degree in Marketing, Hillcrest College, 2016
        Master of Computer Science, Lakeside University, 2020
        Data Analytics Certificate, Riverton Data Academy, 2021
        Certificate coursework: MS Excel
        """);
    String d = describe(p);
    assertEquals(List.of(
        new DegreeSummary(DegreeLevel.PHD, "computer science", DegreeStatus.IN_PROGRESS,
            OptionalInt.empty()),
        new DegreeSummary(DegreeLevel.BACHELOR, "statistics", DegreeStatus.COMPLETED,
            OptionalInt.of(2018)),
        new DegreeSummary(DegreeLevel.BACHELOR, "marketing", DegreeStatus.COMPLETED,
            OptionalInt.of(2016)),
        new DegreeSummary(DegreeLevel.MASTER, "computer science", DegreeStatus.COMPLETED,
            OptionalInt.of(2020)),
        new DegreeSummary(DegreeLevel.OTHER, "data analytics", DegreeStatus.COMPLETED,
            OptionalInt.of(2021))),
        p.degrees().stream().map(DegreeSummary::of).toList(), d);
  }

  @Test
  void rightAlignedDatesAndPlacesAreOneColumnNotTwo() throws ParseException {
    ResumeParser.Result r = PARSER.readText("t", """
        Sam Example
        Austin, TX

        EXPERIENCE
        Northwind Data                                     Austin, TX
        Data Engineer                                      Jan 2021 – Present
        - Spark jobs
        Bluegate Labs                                      Dallas, TX
        Analyst                                            Jun 2018 – Dec 2020
        - SQL reports
        Quarry Freight                                     Houston, TX
        Analyst                                            Jan 2016 – May 2018
        - Python
        """);
    assertFalse(r.notes().stream().anyMatch(n -> n.contains("two columns")), r.notes()
        .toString());
    List<Position> ps = r.profile().positions();
    assertEquals(3, ps.size(), describe(r.profile()));
    assertEquals("Data Engineer", ps.get(0).title());
    assertEquals("Northwind Data", ps.get(0).organisation());
    assertEquals("Bluegate Labs", ps.get(1).organisation());
  }

  @Test
  void aFutureDateMeansInProgressAndTheClockDecides() throws ParseException {
    String text = "EDUCATION\nB.S. in Computer Science, Lakeside University, May 2026\n";
    assertEquals(DegreeStatus.IN_PROGRESS, parse(text).degrees().get(0).status());
    ResumeParser later = ResumeParser.builder().taxonomy(SMALL)
        .asOf(LocalDate.of(2026, 9, 1)).build();
    assertEquals(DegreeStatus.COMPLETED, later.parse("t", text).degrees().get(0).status());
  }

  @Test
  void statesAndOfficeSoftwareAreNotDegrees() throws ParseException {
    CandidateProfile p = parse("""
        EDUCATION
        Eastbrook Example University, Boston, MA
        Bachelor of Arts in Economics, 2019
        Certificate coursework: MS Excel, MS Access
        """);
    assertEquals(1, p.degrees().size(), describe(p));
    assertEquals(DegreeLevel.BACHELOR, p.degrees().get(0).level());
    assertEquals("economics", p.degrees().get(0).field());
  }

  @Test
  void twoLineLayoutsGiveTitleAndOrganisation() throws ParseException {
    CandidateProfile p = parse("""
        EXPERIENCE
        Data Engineer
        Quarrytown Analytics, Denver, CO | 06/2021 to 03/2023
        - Spark pipelines

        Harbor Freightworks
        Machine Learning Engineer                      Apr 2023 – Present
        - PyTorch models
        """);
    String d = describe(p);
    assertEquals(2, p.positions().size(), d);
    assertEquals("Data Engineer", p.positions().get(0).title(), d);
    assertEquals("Quarrytown Analytics", p.positions().get(0).organisation(), d);
    assertEquals(YearMonth.of(2023, 3), p.positions().get(0).end().orElseThrow());
    assertEquals("Machine Learning Engineer", p.positions().get(1).title(), d);
    assertEquals("Harbor Freightworks", p.positions().get(1).organisation(), d);
  }

  @Test
  void assistantshipsVolunteeringAndStudentJobsAreNotExperience() throws ParseException {
    CandidateProfile p = parse("""
        EDUCATION
        B.S. in Statistics, Lakeside University — expected May 2026

        EXPERIENCE
        Teaching Assistant, Intro to Statistics                      Spring 2024
        Graduate Research Assistant, Lakeside University             Sep 2024 – present
        Cashier (part-time), Corner Market — Sep 2022 – present
        Volunteer, Food Bank — 2021 – present
        Data Co-op, Riverbend Insurance — Jan 2025 to Apr 2025
        """);
    String d = describe(p);
    assertEquals(5, p.positions().size(), d);
    assertEquals(0.0, p.yearsExperience(), d);
    assertEquals(1, p.internships(), d);
    assertFalse(concepts(p).contains("teaching"), "a job title is not a skill\n" + d);
    // ... except that a research position shows research experience, with the title as evidence
    assertTrue(concepts(p).contains("research"), d);
    Skill research = p.skills().stream().filter(s -> s.concept().equals("research")).findFirst()
        .orElseThrow();
    assertTrue(research.evidence().text().contains("Graduate Research Assistant"), d);
  }

  @Test
  void conceptsNamingATeamOrABodyAreNotSkills() throws ParseException {
    CandidateProfile p = parse("""
        EXPERIENCE
        Backend Engineer, Tidewater Systems — Jan 2020 – Dec 2023
          - Built Java services; ran the capacity review with product and ML teams
          - Presented quarterly results to the volunteer board

        ACTIVITIES
        Regional Marketing Association — member
        """);
    String d = describe(p);
    assertTrue(concepts(p).contains("java"), d);
    assertFalse(concepts(p).contains("machine learning"), d);
    assertFalse(concepts(p).contains("volunteer experience"), d);
    assertFalse(concepts(p).contains("marketing"), d);
  }

  @Test
  void researchIsNotInventedWithoutAResearchPosition() throws ParseException {
    CandidateProfile p = parse("""
        EXPERIENCE
        Software Engineer, Tidewater Systems — Jan 2020 – Dec 2023
          - Built search features for the ranking team
        """);
    assertFalse(concepts(p).contains("research"), describe(p));
  }

  @Test
  void yearsOfASkillAreReadWhenStated() throws ParseException {
    CandidateProfile p = parse("""
        SKILLS
        Java (8 years), Python, Go
        3+ years of experience with Spark and Kafka; two years of R and SQL
        """);
    String d = describe(p);
    assertEquals(8.0, skill(p, "java").years(), d);
    assertEquals(0.0, skill(p, "go").years(), d);
    assertEquals(3.0, skill(p, "spark").years(), d);
    assertEquals(3.0, skill(p, "kafka").years(), d);
    assertEquals(2.0, skill(p, "r").years(), d);
  }

  @Test
  void summariesObjectivesHeadersLabelsAndDatesGiveNoSkills() throws ParseException {
    CandidateProfile p = parse("""
        Casey Example — Machine Learning Engineer
        Austin, TX

        OBJECTIVE
        A marketing internship with Kafka teams.

        SUMMARY
        Statistics enthusiast.

        SKILLS
        Machine learning: PyTorch, Python
        Tutored Spring 2023 students
        """);
    String d = describe(p);
    assertEquals(List.of("pytorch", "python"), concepts(p), d);
  }

  @Test
  void workAuthorisationOnlyFromStatementsAboutIt() throws ParseException {
    assertEquals(List.of("united states"), parse(
        "Jo Ex\nAustin, TX\n\nSUMMARY\nAuthorized to work in the United States.\n")
        .workAuthorizations());
    assertEquals(List.of("united states"), parse(
        "Jo Ex\nAustin, TX\n\nSUMMARY\nNo visa sponsorship required.\n").workAuthorizations());
    assertEquals(List.of("canada"), parse(
        "Jo Ex\nAustin, TX\n\nSUMMARY\nEligible to work in Canada.\n").workAuthorizations());
    assertEquals(List.of(), parse(
        "Jo Ex\nAustin, TX\nCitizenship: USA\n\nSKILLS\nPython, Java\n").workAuthorizations(),
        "citizenship is nationality; it is not read");
  }

  @Test
  void publicationsAreCountedAndVenuesRead() throws ParseException {
    CandidateProfile p = parse("""
        Robin Example

        PUBLICATIONS
        1. R. Example, K. Other. Retrieval for long documents. EMNLP 2023.
        2. K. Other, R. Example. A benchmark of things. In Proceedings of NeurIPS, 2021.
        3. R. Example. Short note. arXiv preprint, 2020.

        ACTIVITIES
        Reviewed 40 papers for workshops.
        """);
    assertEquals(3, p.publications(), describe(p));
    assertEquals(List.of("EMNLP", "NeurIPS", "arXiv preprint"), p.publicationVenues());
    CandidateProfile stated = parse("Robin Example\n\nSUMMARY\nAuthor of 12 peer-reviewed"
        + " papers.\n\nPUBLICATIONS\n[1] A. Paper. ICML 2024.\n");
    assertEquals(12, stated.publications(), "a stated count larger than the list wins");
  }

  @Test
  void resumesWithoutHeadingsAreReadAsOneBlock() throws ParseException {
    ResumeParser.Result r = PARSER.readText("t", """
        Sam Example
        Denver, CO

        Data Engineer at Riverbend Media, 2020 – present
        Kafka and Spark pipelines in Python.
        ETL Developer at Orchard Bank, 2016 – 2020
        B.S. in Computer Science, Westbrook University, 2016
        """);
    CandidateProfile p = r.profile();
    String d = describe(p);
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("no section headings")), r.notes()
        .toString());
    assertEquals(2, p.positions().size(), d);
    assertEquals("Riverbend Media", p.positions().get(0).organisation(), d);
    assertEquals(1, p.degrees().size(), d);
    assertEquals(9.5, p.yearsExperience(), 1e-9, d);
    assertEquals(Optional.of("Denver, CO"), p.location());
  }

  @Test
  void statedYearsAreUsedOnlyWithoutDatedPositions() throws ParseException {
    ResumeParser.Result r = PARSER.readText("t",
        "Sam Example\n\nSUMMARY\nEngineer with 7+ years of professional experience.\n");
    assertEquals(7.0, r.profile().yearsExperience(), 1e-9);
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("statement")), r.notes().toString());
    assertEquals(5 + 4 / 12.0, parse(RESUME.replace("SKILLS", "SUMMARY\n20 years of experience"
        + "\n\nSKILLS")).yearsExperience(), 1e-9);
  }

  @Test
  void anUnrecognisableTextGivesAnEmptyProfileWithAReason() throws ParseException {
    ResumeParser.Result r = PARSER.readText("t", "Lorem ipsum dolor sit amet.\n");
    assertTrue(r.profile().skills().isEmpty() && r.profile().degrees().isEmpty()
        && r.profile().positions().isEmpty());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("nothing recognisable")),
        r.notes().toString());
  }

  @Test
  void theBuilderChecksItsOptions() {
    assertThrows(IllegalStateException.class, () -> ResumeParser.builder().build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResumeParser.builder().maxBytes(0));
    assertTrue(e.getMessage().contains("maxBytes"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ResumeParser.builder().maxLineChars(10));
    assertThrows(IllegalArgumentException.class, () -> ResumeParser.builder().maxJsonDepth(2));
  }

  @Test
  void arbitraryTextGivesAProfileOrOurExceptionNeverAnotherFailure() {
    java.util.Random rnd = new java.util.Random(20250701L);
    String alphabet = "aB9 \n\t,.;:-–—|•·()[]/@+#'\"Jan 2019 Present MS B.S. Ph.D. Python R Go";
    for (int round = 0; round < 300; round++) {
      StringBuilder b = new StringBuilder();
      int n = rnd.nextInt(400);
      for (int i = 0; i < n; i++) {
        b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String text = b.toString();
      try {
        CandidateProfile p = parse(text);
        assertTrue(p.yearsExperience() >= 0);
      } catch (ParseException expected) {
        assertTrue(expected.getMessage().startsWith("t"), expected.getMessage());
      } catch (RuntimeException e) {
        throw new AssertionError("input " + round + " failed: " + text.replace("\n", "\\n"), e);
      }
    }
  }

  /** A degree without its evidence, for comparisons. */
  record DegreeSummary(DegreeLevel level, String field, DegreeStatus status, OptionalInt endYear) {
    static DegreeSummary of(Degree d) {
      return new DegreeSummary(d.level(), d.field(), d.status(), d.endYear());
    }
  }
}
