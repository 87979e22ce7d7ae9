package org.rolematch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Degree;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Evidence;
import org.rolematch.model.Kind;
import org.rolematch.model.Position;
import org.rolematch.model.Skill;

class ResumeProfileJsonTest {

  static CandidateProfile sample() {
    return new CandidateProfile("p",
        List.of(new Degree(DegreeLevel.MASTER, "computer science", DegreeStatus.IN_PROGRESS,
            OptionalInt.of(2026), new Evidence("M.S. in Computer Science", 10, 34)),
            new Degree(DegreeLevel.BACHELOR, "", DegreeStatus.COMPLETED, OptionalInt.empty(),
                Evidence.NONE)),
        List.of(new Position("Engineer", "Acme", YearMonth.of(2019, 3), Optional.empty(),
            Position.PositionType.PROFESSIONAL, Evidence.of("Engineer, Acme")),
            new Position("Intern", "", YearMonth.of(2018, 6), Optional.of(YearMonth.of(2018, 8)),
                Position.PositionType.INTERNSHIP, Evidence.NONE)),
        6.333, 1, 2, List.of("ACL"),
        List.of(new Skill("python", Kind.PROGRAMMING_LANGUAGE, 5, new Evidence("Python", 50, 56)),
            new Skill("communication", Kind.SOFT_SKILL, 0, Evidence.NONE),
            new Skill("statistics", Kind.FIELD_OF_STUDY, 0, Evidence.NONE),
            new Skill("pytorch", Kind.ML_FRAMEWORK, 0, Evidence.of("PyTorch"))),
        Optional.of("Austin, TX"), List.of("united states"));
  }

  @Test
  void writesTheGoldSchemaFieldsFirst() throws ParseException {
    JsonNode t = ProfileJson.parseTree("x", ProfileJson.write(sample()));
    assertEquals("master", t.get("degrees").get(0).get("level").asText());
    assertEquals("in_progress", t.get("degrees").get(0).get("status").asText());
    assertEquals(2026, t.get("degrees").get(0).get("end_year").asInt());
    assertTrue(t.get("degrees").get(1).get("field").isNull(), "no field is null, not \"\"");
    assertTrue(t.get("degrees").get(1).get("end_year").isNull());
    assertEquals(6, t.get("years_experience").asInt(), "whole years, as the gold counts them");
    assertEquals(6.333, t.get("years_experience_exact").asDouble(), 1e-9);
    assertEquals("python", t.get("programming_language").get(0).asText());
    assertEquals("pytorch", t.get("ml_framework").get(0).asText());
    assertEquals("communication", t.get("skill").get(0).asText(), "soft skills go to skill");
    assertEquals(1, t.get("skill").size(), "a field of study is no skill list entry");
    assertEquals(2, t.get("publications").asInt());
    assertEquals(1, t.get("internships").asInt());
    assertEquals("Austin, TX", t.get("location").asText());
    assertTrue(t.get("id") == null, "the id (often a person's file name) is not written");
    assertEquals(50, t.get("skills").get(0).get("evidence").get("start").asInt());
  }

  @Test
  void roundTripsAProfileItWrote() throws ParseException {
    CandidateProfile p = sample();
    CandidateProfile back = ProfileJson.read("p", ProfileJson.write(p));
    assertEquals(p, back);
  }

  @Test
  void readsAGoldFile() throws ParseException {
    CandidateProfile p = ProfileJson.read("g", """
        {"degrees": [{"level": "phd", "field": "computer science", "status": "in_progress",
                      "end_year": 2026},
                     {"level": "bachelor", "field": null, "status": null, "end_year": null}],
         "years_experience": 3,
         "programming_language": ["python", "r"], "ml_framework": ["pytorch"],
         "data_technology": [], "tool": ["git"], "skill": [], "research_area": ["python"],
         "publications": 3, "internships": 1, "location": "Pittsburgh, PA"}
        """);
    assertEquals(2, p.degrees().size());
    assertEquals(DegreeStatus.COMPLETED, p.degrees().get(1).status(), "status null: completed");
    assertEquals(3.0, p.yearsExperience());
    assertEquals(List.of("python", "r", "pytorch", "git"),
        p.skills().stream().map(Skill::concept).toList());
    assertEquals(Kind.TOOL, p.skills().get(3).kind());
    assertEquals(Optional.of("Pittsburgh, PA"), p.location());
  }

  @Test
  void wrongShapesNameTheField() {
    ParseException e = assertThrows(ParseException.class,
        () -> ProfileJson.read("g", "{\"degrees\": [{\"level\": \"wizard\"}]}"));
    assertTrue(e.getMessage().contains("degrees[0]") && e.getMessage().contains("wizard"),
        e.getMessage());
    e = assertThrows(ParseException.class,
        () -> ProfileJson.read("g", "{\"tool\": \"git\"}"));
    assertTrue(e.getMessage().contains("'tool'") && e.getMessage().contains("array"),
        e.getMessage());
    e = assertThrows(ParseException.class,
        () -> ProfileJson.read("g", "{\"years_experience\": -2}"));
    assertTrue(e.getMessage().contains("years_experience"), e.getMessage());
    e = assertThrows(ParseException.class, () -> ProfileJson.read("g", "{\"degrees\": [}"));
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }
}
