package org.rolematch.taxonomy;

/**
 * A taxonomy file that cannot be read: names the source and, where known, the concept and field
 * that were wrong.
 */
public final class TaxonomyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;

  public TaxonomyException(String source, String message, Throwable cause) {
    super(source + ": " + message, cause);
    this.source = source;
  }

  public TaxonomyException(String source, String message) {
    this(source, message, null);
  }

  /** The file or resource the taxonomy was read from. */
  public String source() {
    return source;
  }
}
