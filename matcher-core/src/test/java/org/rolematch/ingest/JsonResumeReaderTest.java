package org.rolematch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Position.PositionType;

class JsonResumeReaderTest {
  static final ResumeParser PARSER =
      ResumeParser.builder().asOf(LocalDate.of(2025, 7, 1)).build();

  static ResumeParser.Result read(String json) throws ParseException {
    return PARSER.readJsonResume("doc", json.getBytes(StandardCharsets.UTF_8));
  }

  static ParseException fails(String json) {
    return assertThrows(ParseException.class, () -> read(json));
  }

  static void mentions(ParseException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
    }
  }

  @Test
  void readsWorkEducationSkillsAndPublications() throws ParseException {
    CandidateProfile p = read("""
        {"basics": {"name": "Ola Example", "email": "ola@example.com", "phone": "555 010 0199",
                    "location": {"city": "Austin", "region": "TX"}},
         "work": [{"name": "Acme", "position": "Data Engineer", "startDate": "2020-03",
                   "highlights": ["Airflow and Spark pipelines"]},
                  {"name": "Acme", "position": "Software Intern", "startDate": "2019-06",
                   "endDate": "2019-08-31"}],
         "education": [{"institution": "Lakeside", "studyType": "Bachelor of Science",
                        "area": "Computer Science", "endDate": "2019-05"},
                       {"institution": "Hilltop", "studyType": "PhD", "area": "Statistics",
                        "startDate": "2024-09"}],
         "skills": [{"name": "Data", "keywords": ["SQL", "Snowflake"]}],
         "publications": [{"name": "A paper", "publisher": "VLDB"}],
         "somethingNew": {"ignored": true}}
        """).profile();
    assertEquals(Optional.of("Austin, TX"), p.location());
    assertEquals(2, p.positions().size());
    assertEquals(YearMonth.of(2020, 3), p.positions().get(0).start());
    assertEquals(Optional.empty(), p.positions().get(0).end());
    assertEquals(PositionType.INTERNSHIP, p.positions().get(1).type());
    assertEquals(5 + 4 / 12.0, p.yearsExperience(), 1e-9);
    assertEquals(1, p.internships());
    assertEquals(DegreeLevel.BACHELOR, p.degrees().get(0).level());
    assertEquals("computer science", p.degrees().get(0).field());
    assertEquals(DegreeStatus.COMPLETED, p.degrees().get(0).status());
    assertEquals(OptionalInt.of(2019), p.degrees().get(0).endYear());
    assertEquals(DegreeLevel.PHD, p.degrees().get(1).level());
    assertEquals(DegreeStatus.IN_PROGRESS, p.degrees().get(1).status());
    assertTrue(p.has("airflow") && p.has("spark") && p.has("sql") && p.has("snowflake"));
    assertEquals(1, p.publications());
    assertEquals(List.of("VLDB"), p.publicationVenues());
  }

  @Test
  void spokenLanguagesAndReferencesAreNotRead() throws ParseException {
    CandidateProfile p = read("""
        {"basics": {"name": "Ola Example"},
         "languages": [{"language": "Go"}, {"language": "R"}, {"language": "Python"}],
         "references": [{"name": "Java Smith", "reference": "Knows Kafka well."}]}
        """).profile();
    assertTrue(p.skills().isEmpty(), p.skills().toString());
  }

  @Test
  void theNameIsMaskedWhereverItAppears() throws ParseException {
    String doc = """
        {"basics": {"name": "Ola Kafka-Brenner", "summary": "Ola Kafka-Brenner writes Python."},
         "work": [{"name": "Acme", "position": "Engineer", "startDate": "2020-01",
                   "highlights": ["Kafka-Brenner built Spark jobs; mail ola@example.com"]}]}
        """;
    CandidateProfile p = read(doc).profile();
    String json = ProfileJson.write(p);
    assertFalse(json.contains("Brenner"), json);
    assertFalse(json.contains("Ola"), json);
    assertFalse(json.contains("example.com"), json);
    assertTrue(p.has("spark"));
  }

  @Test
  void malformedJsonSaysWhere() {
    ParseException e = fails("{\"work\": [ {\"name\": \"Acme\" ");
    mentions(e, "doc", "not valid JSON", "line 1");
    mentions(fails("{\"work\": [}"), "not valid JSON");
    mentions(fails("{\"basics\": {\"name\": Jane}}"), "not valid JSON", "double quotes");
    assertFalse(fails("{\"basics\": {\"name\": Jane}}").getMessage().contains("Jane"),
        "messages do not quote the document");
    mentions(fails("{} {}"), "more content");
  }

  @Test
  void wrongShapesNameTheFieldAndWhatWasExpected() {
    mentions(fails("[1, 2]"), "top level", "object", "an array");
    mentions(fails("{\"work\": \"Acme 2019-2020\"}"), "'work'", "array", "a string");
    mentions(fails("{\"work\": [\"Acme\"]}"), "'work[0]'", "object");
    mentions(fails("{\"work\": [{\"position\": \"Dev\", \"startDate\": \"last spring\"}]}"),
        "'work[0].startDate'", "YYYY-MM");
    mentions(fails("{\"work\": [{\"position\": {\"title\": \"Dev\"}}]}"),
        "'work[0].position'", "a string", "an object");
    mentions(fails("{\"education\": [{\"studyType\": \"BS\", \"endDate\": \"2019-13\"}]}"),
        "'education[0].endDate'");
    mentions(fails("{\"skills\": [{\"name\": \"Data\", \"keywords\": \"SQL\"}]}"),
        "'skills[0].keywords'", "array of strings");
    mentions(fails("{\"basics\": \"Jane\"}"), "'basics'", "object");
    mentions(fails("{\"languages\": \"English\"}"), "'languages'", "array");
    mentions(fails(""), "empty");
  }

  @Test
  void deepNestingIsRefusedWithoutAStackOverflow() {
    String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
    mentions(fails(deep), "nested at least", "limit of " + ResumeParser.DEFAULT_MAX_JSON_DEPTH
        + " levels", "maxJsonDepth");
    String deepArray = "[".repeat(5_000) + "]".repeat(5_000);
    mentions(fails(deepArray), "nested at least");
  }

  @Test
  void sizeAndEncodingLimitsApplyToJsonToo() {
    ResumeParser small = ResumeParser.builder().asOf(LocalDate.of(2025, 7, 1)).maxBytes(1000)
        .build();
    byte[] big = ("{\"basics\": {\"summary\": \"" + "x".repeat(2000) + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
    ParseException e = assertThrows(ParseException.class, () -> small.readJsonResume("big", big));
    mentions(e, "limit");
    byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
    mentions(assertThrows(ParseException.class, () -> PARSER.readJsonResume("bad", bad)),
        "UTF-8");
  }

  @Test
  void isoDatesAreCheckedStrictly() {
    assertEquals(YearMonth.of(2019, 1), JsonResumeReader.isoDate("2019"));
    assertEquals(YearMonth.of(2019, 5), JsonResumeReader.isoDate("2019-05"));
    assertEquals(YearMonth.of(2019, 5), JsonResumeReader.isoDate("2019-05-31"));
    assertEquals(null, JsonResumeReader.isoDate("2019-02-30"));
    assertEquals(null, JsonResumeReader.isoDate("05/2019"));
    assertEquals(null, JsonResumeReader.isoDate("2019-00"));
  }
}
