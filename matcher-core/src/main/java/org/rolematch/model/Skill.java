package org.rolematch.model;

import static java.util.Objects.requireNonNull;

/**
 * A concept a candidate has: a programming language, framework, data technology, tool, skill or
 * research area, with the text it was read from.
 *
 * @param concept the taxonomy concept id
 * @param kind the concept's kind
 * @param years years of use where the text states them, else 0
 * @param evidence where the concept was read
 */
public record Skill(String concept, Kind kind, double years, Evidence evidence) {
  public Skill {
    requireNonNull(concept, "concept");
    requireNonNull(kind, "kind");
    requireNonNull(evidence, "evidence");
    if (!(years >= 0)) {
      throw new IllegalArgumentException("years must be >= 0, got " + years);
    }
  }

  /** A skill without years or evidence, for profiles built in code. */
  public static Skill of(String concept, Kind kind) {
    return new Skill(concept, kind, 0, Evidence.NONE);
  }
}
