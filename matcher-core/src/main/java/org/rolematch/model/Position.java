package org.rolematch.model;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A dated position on a candidate's profile.
 *
 * @param title the position's title as written (no personal data)
 * @param organisation the employer as written, empty when unknown
 * @param start first month
 * @param end last month, empty for a current position ("Present")
 * @param type whether it is professional work, an internship, or a position that does not count
 *     as professional experience (teaching or research assistantship, part-time while studying)
 * @param evidence where the position was read
 */
public record Position(
    String title,
    String organisation,
    YearMonth start,
    Optional<YearMonth> end,
    PositionType type,
    Evidence evidence) {

  /** How a position counts towards experience. */
  public enum PositionType {
    /** Professional work: counts towards years of experience. */
    PROFESSIONAL,
    /** An internship or co-op: counted apart, as a prior internship. */
    INTERNSHIP,
    /** Teaching/research assistantships, part-time jobs while studying, volunteering. */
    OTHER
  }

  public Position {
    requireNonNull(title, "title");
    requireNonNull(organisation, "organisation");
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(type, "type");
    requireNonNull(evidence, "evidence");
    if (end.isPresent() && end.get().isBefore(start)) {
      throw new IllegalArgumentException(
          "position '" + title + "' ends (" + end.get() + ") before it starts (" + start + ")");
    }
  }
}
