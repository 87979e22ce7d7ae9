package org.rolematch.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rolematch.ingest.ParseException;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Evidence;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.model.Skill;
import org.rolematch.score.ClauseMatch;
import org.rolematch.score.MatchResult;

/** The invariants every fuzz target checks on what a parser or the matcher gives back. */
final class FuzzChecks {
  private FuzzChecks() {}

  /** A refusal must be our documented exception, naming the source first. */
  static void refusal(ParseException e, String source) {
    assertNotNull(e.getMessage());
    assertTrue(e.getMessage().startsWith(source), e.getMessage());
    assertEquals(source, e.source());
    assertTrue(e.line() >= 0, "negative line " + e.line());
  }

  /** Roles of one page: unique ids, requirements, evidence inside the text when it has offsets. */
  static void roles(List<Role> roles, int textLength) {
    Set<String> ids = new HashSet<>();
    for (Role r : roles) {
      assertTrue(ids.add(r.id()), "duplicate role id " + r.id());
      assertNotNull(r.title());
      for (Requirement q : r.requirements()) {
        assertNotNull(q.text());
        Evidence ev = q.evidence();
        if (ev.hasOffsets() && textLength >= 0) {
          assertTrue(ev.start() >= 0 && ev.start() <= ev.end() && ev.end() <= textLength,
              "evidence [" + ev.start() + ", " + ev.end() + ") outside a text of " + textLength);
        }
      }
    }
  }

  /** A profile's figures are in range and its evidence points inside the text. */
  static void profile(CandidateProfile p, int textLength) {
    assertNotNull(p.id());
    assertTrue(p.yearsExperience() >= 0 && p.yearsExperience() < 200,
        "years of experience " + p.yearsExperience());
    assertTrue(p.publications() >= 0, "publications " + p.publications());
    for (Skill s : p.skills()) {
      assertTrue(s.years() >= 0 && s.years() < 200, "years of " + s.concept() + ": " + s.years());
      Evidence ev = s.evidence();
      if (ev.hasOffsets() && textLength >= 0) {
        assertTrue(ev.end() <= textLength,
            "evidence [" + ev.start() + ", " + ev.end() + ") outside a text of " + textLength);
      }
    }
  }

  /** A match result: score in 0..100, one entry per requirement, contributions add up to it. */
  static void result(MatchResult m, Role role) {
    // the scorer caps the sum of contributions at 100 (it can round to 100.00000000000001)
    assertTrue(m.score() >= 0 && m.score() <= 100, "score " + m.score());
    assertEquals(role.requirements().size(), m.clauses().size(), "one entry per requirement");
    double sum = 0;
    for (ClauseMatch c : m.clauses()) {
      assertTrue(c.credit() >= 0 && c.credit() <= 1, "credit " + c.credit());
      assertFalse(Double.isNaN(c.contribution()), "NaN contribution");
      sum += c.contribution();
    }
    assertEquals(m.score(), sum, 1e-6, "contributions add up to the score");
  }
}
