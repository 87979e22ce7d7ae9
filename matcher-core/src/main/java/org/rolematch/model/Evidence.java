package org.rolematch.model;

import static java.util.Objects.requireNonNull;

/**
 * A span of source text that a fact was read from: the text itself and its character offsets
 * ({@code start} inclusive, {@code end} exclusive) in the document it came from.
 *
 * <p>Offsets are into the original document, so a user interface can highlight the span.
 * {@link #NONE} stands for facts that were not read from text (a profile built in code).
 *
 * @param text the text of the span, as it appears in the source (whitespace runs may be collapsed)
 * @param start offset of the first character in the source, or -1 when unknown
 * @param end offset after the last character in the source, or -1 when unknown
 */
public record Evidence(String text, int start, int end) {

  /** Evidence of a fact that was not read from any text. */
  public static final Evidence NONE = new Evidence("", -1, -1);

  public Evidence {
    requireNonNull(text, "text");
    if (start < -1 || end < -1 || (start >= 0 && end < start)) {
      throw new IllegalArgumentException(
          "evidence offsets must satisfy -1 <= start <= end, got start=" + start + " end=" + end);
    }
  }

  /** Evidence with text only, for facts whose position is unknown. */
  public static Evidence of(String text) {
    return new Evidence(text, -1, -1);
  }

  /** Whether this evidence carries offsets into a source document. */
  public boolean hasOffsets() {
    return start >= 0;
  }
}
