package org.rolematch.model;

import java.util.Locale;

/**
 * What a requirement asks for, and what kind of thing a taxonomy concept is. The same enum
 * serves both, so that a requirement's concepts and the concepts of a profile line up.
 */
public enum Kind {
  DEGREE,
  FIELD_OF_STUDY,
  EXPERIENCE_YEARS,
  PROGRAMMING_LANGUAGE,
  ML_FRAMEWORK,
  RESEARCH_AREA,
  DATA_TECHNOLOGY,
  TOOL,
  SKILL,
  PUBLICATION,
  PRIOR_INTERNSHIP,
  SOFT_SKILL,
  LOCATION,
  /**
   * An inferred clause: the role is for people early in their career (an internship, a
   * university or new-grad program, an entry-level role). Judged by years of professional
   * experience only, never by age or graduation dates. Concept kinds never have it.
   */
  CAREER_STAGE;

  /** The wire name, made once: names are written for every role an index adds. */
  private final String wire;

  Kind() {
    wire = name().toLowerCase(Locale.ROOT);
  }

  /** The lower-case name used in JSON ({@code programming_language}, ...). */
  public String wireName() {
    return wire;
  }

  /** Parses a wire name, case-insensitively. */
  public static Kind fromWire(String s) {
    return Wire.parse(Kind.class, s, "kind");
  }

  /**
   * Whether a requirement of this kind is judged by the concepts a profile holds (a skill, a
   * language, a framework, ...), as opposed to a degree, years, counts or location.
   */
  public boolean isConceptKind() {
    return switch (this) {
      case PROGRAMMING_LANGUAGE, ML_FRAMEWORK, RESEARCH_AREA, DATA_TECHNOLOGY, TOOL, SKILL,
          SOFT_SKILL -> true;
      default -> false;
    };
  }
}
