package org.rolematch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Position;
import org.rolematch.model.Skill;

/** No name, e-mail address, phone number or URL of a resume reaches its profile or its JSON. */
class ResumePrivacyTest {
  static final ResumeParser PARSER =
      ResumeParser.builder().asOf(LocalDate.of(2025, 7, 1)).build();

  /** Personal data written in each test resume. */
  static final Map<String, List<String>> PERSONAL = Map.of(
      "one-column-backend.txt", List.of("Idris", "Kovalenko", "Marsh", "idris.km",
          "555-0143", "503", "linkedin", "idris-km-example"),
      "two-column-dump.txt", List.of("Marguerite", "Oyelaran", "Fisk", "marguerite.of",
          "555 0187", "312"),
      "academic-cv.txt", List.of("Lieke", "Achterberg", "Oduya", "lieke.ao", "orcid",
          "0000-0000"),
      "career-changer.txt", List.of("Ravi", "Tennant", "Abiodun", "ravi.ta", "916-555"),
      "json-resume.json", List.of("Annika", "Solberg", "Reyes", "annika.sr", "617 555",
          "Example Lane", "02139", "annika-sr-example", "Tomasz"),
      "no-headings.txt", List.of("Bartholomew", "Nkemelu", "Sato", "bart.ns", "555-0164"),
      "slash-dates.txt", List.of("Ilse", "Marchetti", "Vance", "ilse.mv"),
      "overlapping-positions.txt", List.of("Wendell", "Azikiwe", "Haugland", "wendell.ah"),
      "undergrad-coop.txt", List.of("Phoebe", "Ranganathan", "Clough", "phoebe.rc",
          "519-555"));

  static void assertClean(String what, CandidateProfile p, List<String> personal) {
    String json = ProfileJson.write(p).toLowerCase(Locale.ROOT);
    for (String s : personal) {
      assertFalse(json.contains(s.toLowerCase(Locale.ROOT)),
          what + ": '" + s + "' leaked into the profile:\n" + json);
    }
    assertFalse(json.contains("@"), what + ": an e-mail address leaked:\n" + json);
    assertFalse(json.contains("http"), what + ": a URL leaked:\n" + json);
  }

  @Test
  void testResumesKeepNoPersonalData() throws Exception {
    for (Map.Entry<String, List<String>> e : PERSONAL.entrySet()) {
      Path p = Path.of(ResumePrivacyTest.class.getResource("/resumes/" + e.getKey()).toURI());
      CandidateProfile profile = PARSER.read(p).profile().withId("x");
      assertClean(e.getKey(), profile, e.getValue());
    }
  }

  @Test
  void personalFactsAreMaskedWhereverTheyAreLabelled() throws ParseException {
    String text = """
        Alex Quintero-Baptiste
        Leeds, England | Phone: +44 20 7946 0018 | alex.qb@example.co.uk | www.alexqb.example.dev
        Date of birth: 12 March 1990 | Nationality: Freedonian | Marital status: married
        Gender: female

        EXPERIENCE
        Data Engineer, Millbeck Textiles | Jan 2020 – present
        - Spark and Airflow pipelines; Python tooling (see github.com/alexqb-example)

        PUBLICATIONS
        1. A. Quintero-Baptiste, P. Other. Streaming joins at scale. VLDB 2023.
        """;
    CandidateProfile p = PARSER.parse("x", text);
    assertClean("labelled", p, List.of("Alex", "Quintero", "Baptiste", "7946", "1990",
        "Freedonian", "married", "female", "alexqb", "March"));
    assertEquals(Optional.of("Leeds, England"), p.location());
    assertEquals(1, p.publications());
    assertTrue(p.has("spark") && p.has("airflow") && p.has("python"), p.skills().toString());
  }

  @Test
  void theNameLineNeverBecomesASkillTitleOrLocation() throws ParseException {
    // a name made of words that are also concepts
    String text = """
        Julia Rust-Kafka
        Austin, TX

        EXPERIENCE
        Backend Engineer, Oakline Systems | 2019 – 2023
        - Go services

        SKILLS
        Python, SQL
        """;
    CandidateProfile p = PARSER.parse("x", text);
    for (Skill s : p.skills()) {
      assertFalse(List.of("julia", "rust", "kafka").contains(s.concept()),
          "the name became the skill " + s);
    }
    for (Position pos : p.positions()) {
      assertFalse(pos.title().contains("Julia") || pos.organisation().contains("Julia"));
    }
    assertEquals(Optional.of("Austin, TX"), p.location());
  }

  @Test
  void devResumesKeepNoPersonalData() throws Exception {
    String shared = System.getProperty("rolematch.shared");
    Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "eval/dev/resumes")),
        "skipped: the shared dev set is not available (system property rolematch.shared = "
            + shared + ")");
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(shared, "eval/dev/resumes"))) {
      files = s.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    for (Path f : files) {
      List<String> personal = new ArrayList<>();
      String first = Files.readAllLines(f, StandardCharsets.UTF_8).get(0);
      String name = first.split(" \u2014 ")[0];
      for (String w : name.split("[ -]+")) {
        if (w.length() > 2) {
          personal.add(w);
        }
      }
      for (String w : Files.readString(f, StandardCharsets.UTF_8).split("\\s+")) {
        if (w.contains("@") || w.contains(".com/") || w.contains("github.com")) {
          personal.add(w);
        }
      }
      assertClean(f.getFileName().toString(), PARSER.read(f).profile().withId("x"), personal);
    }
  }
}
