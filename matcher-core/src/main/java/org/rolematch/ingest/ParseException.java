package org.rolematch.ingest;

/**
 * Input that a parser cannot read: binary data, text over a size limit, malformed or wrongly
 * shaped JSON. The message says what was wrong and how to fix it; {@link #source()} names the
 * document and {@link #line()} the line (1-based) where it went wrong, or 0 when the problem is
 * with the document as a whole.
 *
 * <p>Messages never quote the document's content beyond a field name, so no personal data of a
 * resume can reach a log through this exception.
 */
public final class ParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  public ParseException(String source, int line, String message, Throwable cause) {
    super(source + (line > 0 ? ":" + line : "") + ": " + message, cause);
    this.source = source;
    this.line = line;
  }

  public ParseException(String source, int line, String message) {
    this(source, line, message, null);
  }

  /** The document that could not be read (a file name, or a caller-given name). */
  public String source() {
    return source;
  }

  /** The line, 1-based, where reading failed; 0 when it concerns the whole document. */
  public int line() {
    return line;
  }
}
