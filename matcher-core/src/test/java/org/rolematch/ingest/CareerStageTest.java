package org.rolematch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.taxonomy.Taxonomy;

/** The inferred early-career clause: from titles, a role's own prose and a page heading. */
class CareerStageTest {
  private static final PostingParser PARSER = PostingParser.of(Taxonomy.defaults());

  private static Optional<Requirement> stage(Role r) {
    return r.requirements().stream().filter(q -> q.kind() == Kind.CAREER_STAGE).findFirst();
  }

  private static Map<String, Role> byTitle(String page) throws ParseException {
    return PARSER.parse(page, "page").roles().stream()
        .collect(Collectors.toMap(Role::title, Function.identity()));
  }

  @Test
  void aProgramsHeadingMakesEveryRoleOnThePageEarlyCareerExceptASeniorOne()
      throws ParseException {
    Map<String, Role> roles = byTitle("""
        Jobs  Teams  Locations  Students

        Graduate and Internship Programs at Quillfeather

        Backend Engineer
        You will build the services behind our reading app.
        Requirements:
          - BS in Computer Science or a related field
          - Experience with Java or Kotlin

        Data Analyst
        You will study how readers use the app.
        Requirements:
          - Proficiency in SQL
          - Experience with Tableau

        Senior Data Engineer
        You will lead our pipelines.
        Requirements:
          - Experience with Spark and Airflow
        """);
    assertEquals(3, roles.size(), roles.keySet().toString());
    Requirement backend = stage(roles.get("Backend Engineer")).orElseThrow();
    assertEquals(List.of("early career"), backend.anyOf());
    assertEquals("Graduate and Internship Programs at Quillfeather", backend.text());
    assertTrue(stage(roles.get("Data Analyst")).isPresent());
    assertTrue(stage(roles.get("Senior Data Engineer")).isEmpty(),
        "a senior title overrides the page heading");
  }

  @Test
  void titleAndProseCuesAreReadAndANavigationLinkIsNot() throws ParseException {
    Role intern = PARSER.parse("""
        Platform Engineering Intern

        Requirements:
          - Pursuing a degree in Computer Science
          - Experience with Python
        """, "intern").roles().get(0);
    assertEquals("Platform Engineering Intern", stage(intern).orElseThrow().text());

    Role prose = PARSER.parse("""
        Analyst

        This role is a great way to start your career in analytics.
        Requirements:
          - Proficiency in SQL and Excel
        """, "prose").roles().get(0);
    assertTrue(stage(prose).orElseThrow().text().contains("start your career"));

    Role nav = PARSER.parse("""
        Home | Students | Careers

        Backend Engineer

        Requirements:
          - Experience with Java
        """, "nav").roles().get(0);
    assertTrue(stage(nav).isEmpty(), "a 'Students' link does not make a role early-career");

    Role years = PARSER.parse("""
        Graduate Programs and Experienced Hires

        Platform Engineer
        Requirements:
          - 5+ years of experience with distributed systems
        """, "years").roles().get(0);
    assertTrue(stage(years).isEmpty(), "five years asked is no early-career role");
  }

  @Test
  void theClauseIsWrittenApartFromTheStatedClausesAndReadBack() throws ParseException {
    List<Role> roles = PARSER.parse("""
        Platform Engineering Intern

        Requirements:
          - Experience with Python
        """, "intern").roles();
    String json = PostingJson.write("intern", roles);
    assertTrue(json.contains("\"inferred_clauses\""), json);
    String clauses = json.substring(json.indexOf("\"clauses\""), json.indexOf("\"inferred_clauses\""));
    assertTrue(!clauses.contains("career_stage"), "stated clauses only:\n" + json);
    List<Role> back = PostingJson.read(json, "intern.json");
    assertEquals(roles.get(0).requirements().stream().map(Requirement::kind).toList(),
        back.get(0).requirements().stream().map(Requirement::kind).toList());
    assertTrue(stage(back.get(0)).isPresent());
  }
}
