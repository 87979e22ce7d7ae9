package org.rolematch.model;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * A degree on a candidate's profile.
 *
 * @param level the degree level
 * @param field field of study as a taxonomy concept id where one is known, else the field as
 *     written, lower-cased; empty when not stated
 * @param status completed or in progress (never {@link DegreeStatus#EITHER} on a profile)
 * @param endYear year of graduation, or expected year for a degree in progress, if stated
 * @param evidence where the degree was read
 */
public record Degree(
    DegreeLevel level, String field, DegreeStatus status, OptionalInt endYear, Evidence evidence) {
  public Degree {
    requireNonNull(level, "level");
    requireNonNull(field, "field");
    requireNonNull(status, "status");
    requireNonNull(endYear, "endYear");
    requireNonNull(evidence, "evidence");
    if (status == DegreeStatus.EITHER) {
      throw new IllegalArgumentException(
          "a profile's degree is completed or in_progress, not either");
    }
  }
}
