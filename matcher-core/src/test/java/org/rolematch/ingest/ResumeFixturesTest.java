package org.rolematch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.rolematch.model.Position;
import org.rolematch.model.Position.PositionType;
import org.rolematch.model.Skill;

/**
 * The test resumes under {@code src/test/resources/resumes/} (fictional people, invented
 * employers and schools), each in another layout, read with the bundled taxonomy at 2025-07-01.
 */
class ResumeFixturesTest {
  static final ResumeParser PARSER =
      ResumeParser.builder().asOf(LocalDate.of(2025, 7, 1)).build();

  static ResumeParser.Result read(String name) throws Exception {
    return PARSER.read(path(name));
  }

  static Path path(String name) throws Exception {
    return Path.of(ResumeFixturesTest.class.getResource("/resumes/" + name).toURI());
  }

  static String d(CandidateProfile p) {
    return ProfileJson.write(p);
  }

  static void degree(CandidateProfile p, int i, DegreeLevel level, String field,
      DegreeStatus status, Integer endYear) {
    Degree x = p.degrees().get(i);
    String msg = d(p);
    assertEquals(level, x.level(), msg);
    assertEquals(field, x.field(), msg);
    assertEquals(status, x.status(), msg);
    assertEquals(endYear == null ? OptionalInt.empty() : OptionalInt.of(endYear), x.endYear(),
        msg);
  }

  static void position(CandidateProfile p, int i, String title, String org, String start,
      String end, PositionType type) {
    Position x = p.positions().get(i);
    String msg = d(p);
    assertEquals(title, x.title(), msg);
    assertEquals(org, x.organisation(), msg);
    assertEquals(YearMonth.parse(start), x.start(), msg);
    assertEquals(end == null ? Optional.empty() : Optional.of(YearMonth.parse(end)), x.end(),
        msg);
    assertEquals(type, x.type(), msg);
  }

  static void has(CandidateProfile p, String... concepts) {
    List<String> ids = p.skills().stream().map(Skill::concept).toList();
    for (String c : concepts) {
      assertTrue(ids.contains(c), c + " missing from " + ids);
    }
  }

  static void hasNot(CandidateProfile p, String... concepts) {
    List<String> ids = p.skills().stream().map(Skill::concept).toList();
    for (String c : concepts) {
      assertFalse(ids.contains(c), c + " should not be in " + ids);
    }
  }

  static double years(CandidateProfile p, String concept) {
    return p.skills().stream().filter(s -> s.concept().equals(concept)).findFirst()
        .orElseThrow().years();
  }

  @Test
  void oneColumnResumeWithPresentAndSlashDates() throws Exception {
    CandidateProfile p = read("one-column-backend.txt").profile();
    assertEquals(1, p.degrees().size(), d(p));
    degree(p, 0, DegreeLevel.BACHELOR, "computer engineering", DegreeStatus.COMPLETED, 2015);
    assertEquals(2, p.positions().size(), d(p));
    position(p, 0, "Senior Backend Engineer", "Fernway Logistics", "2019-01", null,
        PositionType.PROFESSIONAL);
    position(p, 1, "Backend Engineer", "Tidewater Analytics", "2015-06", "2018-12",
        PositionType.PROFESSIONAL);
    // Jan 2019 – Jul 2025 (6.5) + Jun 2015 – Dec 2018 (3 7/12)
    assertEquals(10 + 1 / 12.0, p.yearsExperience(), 1e-9);
    assertEquals(Optional.of("Portland, OR"), p.location());
    assertEquals(List.of("united states"), p.workAuthorizations());
    has(p, "go", "python", "java", "postgresql", "kafka", "redis", "kubernetes", "terraform",
        "docker", "aws", "sql");
    assertEquals(7.0, years(p, "python"));
  }

  @Test
  void twoColumnTextDumpIsReadColumnByColumn() throws Exception {
    ResumeParser.Result r = read("two-column-dump.txt");
    CandidateProfile p = r.profile();
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("two columns")), r.notes().toString());
    degree(p, 0, DegreeLevel.BACHELOR, "economics", DegreeStatus.COMPLETED, 2018);
    assertEquals(3, p.positions().size(), d(p));
    position(p, 0, "Senior Data Analyst", "Lakeshore Mutual", "2021-01", null,
        PositionType.PROFESSIONAL);
    position(p, 1, "Data Analyst", "Prairie Grocers Cooperative", "2018-01", "2021-01",
        PositionType.PROFESSIONAL);
    position(p, 2, "Operations Intern", "Prairie Grocers Cooperative", "2017-06", "2017-08",
        PositionType.INTERNSHIP);
    assertEquals(7.5, p.yearsExperience(), 1e-9);
    assertEquals(1, p.internships());
    assertEquals(Optional.of("Chicago, IL"), p.location());
    has(p, "sql", "python", "pandas", "tableau", "power bi", "excel", "snowflake", "dbt",
        "a/b testing");
  }

  @Test
  void academicCvCountsPublicationsAndReadsVenues() throws Exception {
    CandidateProfile p = read("academic-cv.txt").profile();
    assertEquals(5, p.publications(), d(p));
    assertEquals(List.of("PLOS Computational Biology", "Genome Research Letters",
        "Bioinformatics Journal", "RECOMB", "ISMB"), p.publicationVenues());
    degree(p, 0, DegreeLevel.PHD, "computational biology", DegreeStatus.COMPLETED, 2022);
    assertEquals(DegreeLevel.BACHELOR, p.degrees().get(1).level());
    assertEquals(4, p.positions().size(), d(p));
    position(p, 0, "Postdoctoral Researcher", "Halvorsen Lab", "2022-09", null,
        PositionType.PROFESSIONAL);
    position(p, 1, "Graduate Research Assistant", "Institute for Genome Sciences", "2017-09",
        "2022-08", PositionType.OTHER);
    assertEquals(PositionType.OTHER, p.positions().get(2).type());
    assertEquals(2 + 10 / 12.0, p.yearsExperience(), 1e-9);
    assertEquals(Optional.of("Madison, WI"), p.location());
    has(p, "pytorch", "python", "r", "deep learning", "genomics", "statistical modeling",
        "slurm", "latex");
  }

  @Test
  void careerChangerKeepsTheFirstCareerAsExperience() throws Exception {
    CandidateProfile p = read("career-changer.txt").profile();
    assertEquals(2, p.degrees().size(), d(p));
    degree(p, 0, DegreeLevel.OTHER, "data analytics", DegreeStatus.COMPLETED, 2021);
    degree(p, 1, DegreeLevel.BACHELOR, "mathematics", DegreeStatus.COMPLETED, 2011);
    position(p, 0, "Data Analyst", "Brightwater Health Partners", "2021-03", null,
        PositionType.PROFESSIONAL);
    position(p, 1, "Mathematics Teacher", "Sutter Creek High School", "2012-01", "2020-01",
        PositionType.PROFESSIONAL);
    // 2012 – 2020 is eight years (and one month as written), Mar 2021 – Jul 2025 four and a third
    assertEquals(12 + 5 / 12.0, p.yearsExperience(), 1e-9);
    has(p, "sql", "python", "pandas", "statsmodels", "power bi", "excel", "public speaking");
    hasNot(p, "teaching");
  }

  @Test
  void resumeWithoutHeadings() throws Exception {
    ResumeParser.Result r = read("no-headings.txt");
    CandidateProfile p = r.profile();
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("no section headings")));
    degree(p, 0, DegreeLevel.BACHELOR, "information science", DegreeStatus.COMPLETED, 2016);
    assertEquals(2, p.positions().size(), d(p));
    position(p, 0, "Data Engineer", "Quillfeather Media", "2020-01", null,
        PositionType.PROFESSIONAL);
    position(p, 1, "ETL Developer", "Orchard Mutual Bank", "2016-01", "2020-01",
        PositionType.PROFESSIONAL);
    assertEquals(9.5, p.yearsExperience(), 1e-9);
    assertEquals(Optional.of("Denver, CO"), p.location());
    has(p, "airflow", "dbt", "snowflake", "python", "sql", "postgresql", "git", "docker");
  }

  @Test
  void slashDatesWithToAndPresent() throws Exception {
    CandidateProfile p = read("slash-dates.txt").profile();
    assertEquals(3, p.positions().size(), d(p));
    position(p, 0, "Android Developer", "Pinegrove Software", "2023-04", null,
        PositionType.PROFESSIONAL);
    position(p, 1, "Mobile Developer", "Saltmarsh Studio", "2021-06", "2023-03",
        PositionType.PROFESSIONAL);
    position(p, 2, "Junior Developer", "Saltmarsh Studio", "2019-09", "2021-05",
        PositionType.PROFESSIONAL);
    assertEquals(5 + 10 / 12.0, p.yearsExperience(), 1e-9);
    degree(p, 0, DegreeLevel.BACHELOR, "computer science", DegreeStatus.COMPLETED, 2019);
    has(p, "kotlin", "swift", "java", "javascript", "react", "firebase", "graphql", "git",
        "jira", "figma");
  }

  @Test
  void overlappingPositionsCountOnceAndAnInternshipApart() throws Exception {
    CandidateProfile p = read("overlapping-positions.txt").profile();
    assertEquals(4, p.positions().size(), d(p));
    position(p, 0, "Data Scientist", "Hollowbrook Insurance", "2021-06", null,
        PositionType.PROFESSIONAL);
    position(p, 1, "Freelance Machine Learning Consultant", "Self-employed", "2020-01",
        "2022-12", PositionType.PROFESSIONAL);
    position(p, 2, "Data Science Intern", "Tamarack Foods", "2019-06", "2019-08",
        PositionType.INTERNSHIP);
    position(p, 3, "Teaching Assistant", "Applied Statistics", "2018-09", "2018-12",
        PositionType.OTHER);
    assertEquals(5.5, p.yearsExperience(), 1e-9); // Jan 2020 – Jul 2025, the overlap once
    assertEquals(1, p.internships());
    degree(p, 0, DegreeLevel.MASTER, "statistics", DegreeStatus.COMPLETED, 2019);
    degree(p, 1, DegreeLevel.BACHELOR, "mathematics", DegreeStatus.COMPLETED, 2017);
    assertEquals(5.0, years(p, "sql"));
    assertEquals(5.0, years(p, "spark"));
    has(p, "xgboost", "scikit-learn", "python", "r", "tableau", "a/b testing");
  }

  @Test
  void undergraduateWithCoOpPartTimeJobAndTutoring() throws Exception {
    CandidateProfile p = read("undergrad-coop.txt").profile();
    degree(p, 0, DegreeLevel.BACHELOR, "mechatronics engineering", DegreeStatus.IN_PROGRESS,
        2026);
    assertEquals(4, p.positions().size(), d(p));
    position(p, 0, "Embedded Software Co-op", "Lindqvale Robotics", "2025-05", "2025-08",
        PositionType.INTERNSHIP);
    position(p, 1, "Robotics Intern", "Amberfield Automation", "2024-09", "2024-12",
        PositionType.INTERNSHIP);
    position(p, 2, "Barista", "Grindstone Café", "2022-09", "2024-04", PositionType.OTHER);
    position(p, 3, "Peer Tutor", "Kettle Lake University Math Help Centre", "2023-01",
        "2023-05", PositionType.OTHER);
    assertEquals(0.0, p.yearsExperience(), d(p));
    assertEquals(2, p.internships());
    assertEquals(Optional.of("Waterloo, ON"), p.location());
    has(p, "c++", "python", "opencv", "linux", "computer vision", "data structures");
  }

  @Test
  void jsonResumeFile() throws Exception {
    ResumeParser.Result r = read("json-resume.json");
    CandidateProfile p = r.profile();
    assertEquals("json-resume", p.id());
    assertEquals(2, p.degrees().size(), d(p));
    degree(p, 0, DegreeLevel.MASTER, "statistics", DegreeStatus.IN_PROGRESS, 2026);
    degree(p, 1, DegreeLevel.BACHELOR, "computer science", DegreeStatus.COMPLETED, 2018);
    assertEquals(4, p.positions().size(), d(p));
    position(p, 0, "Machine Learning Engineer", "Copperleaf Retail", "2021-09", null,
        PositionType.PROFESSIONAL);
    position(p, 1, "Data Science Intern", "Copperleaf Retail", "2020-06", "2020-08",
        PositionType.INTERNSHIP);
    position(p, 2, "Data Analyst", "Quayside Analytics", "2019-01", "2021-08",
        PositionType.PROFESSIONAL);
    position(p, 3, "Mentor", "Code Club Cambridge", "2018-01", "2020-12", PositionType.OTHER);
    assertEquals(6.5, p.yearsExperience(), 1e-9);
    assertEquals(1, p.internships());
    assertEquals(2, p.publications());
    assertEquals(List.of("RecSys Workshop on Retail", "KDD"), p.publicationVenues());
    assertEquals(Optional.of("Cambridge, MA"), p.location());
    has(p, "pytorch", "scikit-learn", "xgboost", "python", "sql", "scala", "spark", "docker",
        "kubernetes", "airflow", "deep learning");
    // "languages" are spoken languages: "Go" there is not the programming language
    hasNot(p, "go");
  }
}
