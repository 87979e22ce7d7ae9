package org.rolematch.text;

import static java.util.Objects.requireNonNull;

import org.rolematch.model.Evidence;
import org.rolematch.model.Kind;

/**
 * A concept found in text: which concept, its kind, and where.
 *
 * @param concept the concept id
 * @param kind the concept's primary kind
 * @param start offset of the first character of the mention
 * @param end offset after the last character
 * @param surface the text of the mention as written
 */
public record ConceptMention(String concept, Kind kind, int start, int end, String surface) {
  public ConceptMention {
    requireNonNull(concept, "concept");
    requireNonNull(kind, "kind");
    requireNonNull(surface, "surface");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad offsets " + start + ".." + end);
    }
  }

  /** The mention as evidence. */
  public Evidence evidence() {
    return new Evidence(surface, start, end);
  }
}
