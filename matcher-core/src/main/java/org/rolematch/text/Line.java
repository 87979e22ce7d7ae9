package org.rolematch.text;

/**
 * One line of a document, with its content stripped of indentation and bullet marker.
 *
 * @param start offset of the line's first character in the document
 * @param end offset after the line's last character (before the line break)
 * @param contentStart offset of the content (after indentation and bullet)
 * @param content the content, trimmed
 * @param indent columns of indentation before the bullet or content
 * @param bullet whether the line starts with a bullet marker ("•", "-", "*", "1.")
 */
public record Line(int start, int end, int contentStart, String content, int indent, boolean bullet) {

  /** Whether the line holds nothing but whitespace. */
  public boolean blank() {
    return content.isEmpty();
  }

  /** Number of words (runs of non-space characters) in the content. */
  public int words() {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < content.length(); i++) {
      boolean space = Character.isWhitespace(content.charAt(i));
      if (!space && !in) {
        n++;
      }
      in = !space;
    }
    return n;
  }
}
