package org.rolematch.ingest;

/**
 * The limits every parser applies to untrusted input, in one immutable value: {@link
 * PostingParser} (text, HTML, JSON-LD), {@link ResumeParser} (text, JSON Resume), {@link
 * ProfileJson}, {@link PostingJson} and taxonomy files ({@code Taxonomy.load}).
 *
 * <pre>{@code
 * ParseLimits limits = ParseLimits.builder().maxDocumentBytes(256 * 1024).maxJsonDepth(16).build();
 * PostingParser postings = PostingParser.of(taxonomy).withLimits(limits);
 * ResumeParser resumes = ResumeParser.builder().asOf(today).limits(limits).build();
 * Matcher matcher = Matcher.builder().parseLimits(limits).build();
 * }</pre>
 *
 * <table>
 *   <caption>The limits and their defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>applies to</th></tr>
 *   <tr><td>{@link #maxDocumentBytes()}</td><td>{@value #DEFAULT_MAX_DOCUMENT_BYTES} (2 MiB)</td>
 *       <td>one posting or resume (text, HTML, JSON-LD, JSON Resume) and one profile JSON: UTF-8
 *       bytes of a file, or characters of text given as a {@code String}</td></tr>
 *   <tr><td>{@link #maxCollectionBytes()}</td><td>{@value #DEFAULT_MAX_COLLECTION_BYTES}
 *       (32 MiB)</td><td>files that hold many records: a taxonomy file, a posting exchange JSON
 *       document</td></tr>
 *   <tr><td>{@link #maxLineChars()}</td><td>{@value #DEFAULT_MAX_LINE_CHARS}</td><td>resume
 *       text: a longer line is read in pieces (not an error)</td></tr>
 *   <tr><td>{@link #maxJsonDepth()}</td><td>{@value #DEFAULT_MAX_JSON_DEPTH}</td><td>nesting of
 *       every JSON reader</td></tr>
 *   <tr><td>{@link #maxNumberChars()}</td><td>{@value #DEFAULT_MAX_NUMBER_CHARS}</td><td>digits
 *       of one JSON number</td></tr>
 *   <tr><td>{@link #maxItems()}</td><td>{@value #DEFAULT_MAX_ITEMS}</td><td>records of one
 *       document: concepts of a taxonomy file, roles of a posting exchange document or of one
 *       JSON-LD page, entries of one list of a profile JSON</td></tr>
 * </table>
 *
 * <p>Input over a limit gets the reader's documented exception ({@link ParseException}, or
 * {@code TaxonomyException} for taxonomy files) whose message names the source, the limit, its
 * value and how to raise it ({@link #overLimit(Limit, String)}). Nothing is cut silently.
 */
public final class ParseLimits {
  /** Default of {@link #maxDocumentBytes()}: 2 MiB. */
  public static final int DEFAULT_MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
  /** Default of {@link #maxCollectionBytes()}: 32 MiB. */
  public static final int DEFAULT_MAX_COLLECTION_BYTES = 32 * 1024 * 1024;
  /** Default of {@link #maxLineChars()}. */
  public static final int DEFAULT_MAX_LINE_CHARS = 1_000;
  /** Default of {@link #maxJsonDepth()}. */
  public static final int DEFAULT_MAX_JSON_DEPTH = 64;
  /** Default of {@link #maxNumberChars()}. */
  public static final int DEFAULT_MAX_NUMBER_CHARS = 100;
  /** Default of {@link #maxItems()}. */
  public static final int DEFAULT_MAX_ITEMS = 200_000;

  /** The limits, for messages: the builder method that sets each and its unit. */
  public enum Limit {
    /** {@link ParseLimits#maxDocumentBytes()}. */
    DOCUMENT_BYTES("maxDocumentBytes", "bytes", "--max-input-bytes N"),
    /** {@link ParseLimits#maxCollectionBytes()}. */
    COLLECTION_BYTES("maxCollectionBytes", "bytes", null),
    /** {@link ParseLimits#maxLineChars()}. */
    LINE_CHARS("maxLineChars", "characters", null),
    /** {@link ParseLimits#maxJsonDepth()}. */
    JSON_DEPTH("maxJsonDepth", "levels", null),
    /** {@link ParseLimits#maxNumberChars()}. */
    NUMBER_CHARS("maxNumberChars", "characters", null),
    /** {@link ParseLimits#maxItems()}. */
    ITEMS("maxItems", "items", null);

    private final String setter;
    private final String unit;
    private final String option;

    Limit(String setter, String unit, String option) {
      this.setter = setter;
      this.unit = unit;
      this.option = option;
    }

    /** The name of the builder method that sets the limit. */
    public String setter() {
      return setter;
    }
  }

  private static final ParseLimits DEFAULTS = new Builder().build();

  private final int maxDocumentBytes;
  private final int maxCollectionBytes;
  private final int maxLineChars;
  private final int maxJsonDepth;
  private final int maxNumberChars;
  private final int maxItems;

  private ParseLimits(Builder b) {
    this.maxDocumentBytes = b.maxDocumentBytes;
    this.maxCollectionBytes = b.maxCollectionBytes;
    this.maxLineChars = b.maxLineChars;
    this.maxJsonDepth = b.maxJsonDepth;
    this.maxNumberChars = b.maxNumberChars;
    this.maxItems = b.maxItems;
  }

  /** The default limits. */
  public static ParseLimits defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these limits. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxDocumentBytes = maxDocumentBytes;
    b.maxCollectionBytes = maxCollectionBytes;
    b.maxLineChars = maxLineChars;
    b.maxJsonDepth = maxJsonDepth;
    b.maxNumberChars = maxNumberChars;
    b.maxItems = maxItems;
    return b;
  }

  /** Largest posting, resume or profile document: UTF-8 bytes of a file, characters of a String. */
  public int maxDocumentBytes() {
    return maxDocumentBytes;
  }

  /** Largest taxonomy file or posting exchange document, in bytes (characters for a String). */
  public int maxCollectionBytes() {
    return maxCollectionBytes;
  }

  /** Length beyond which a resume line is read in pieces. */
  public int maxLineChars() {
    return maxLineChars;
  }

  /** Deepest JSON nesting accepted. */
  public int maxJsonDepth() {
    return maxJsonDepth;
  }

  /** Most characters of one JSON number. */
  public int maxNumberChars() {
    return maxNumberChars;
  }

  /** Most records of one document (taxonomy concepts, roles, entries of one profile list). */
  public int maxItems() {
    return maxItems;
  }

  /** The value of a limit. */
  public int value(Limit limit) {
    return switch (limit) {
      case DOCUMENT_BYTES -> maxDocumentBytes;
      case COLLECTION_BYTES -> maxCollectionBytes;
      case LINE_CHARS -> maxLineChars;
      case JSON_DEPTH -> maxJsonDepth;
      case NUMBER_CHARS -> maxNumberChars;
      case ITEMS -> maxItems;
    };
  }

  /**
   * The message for input over a limit: {@code what} (such as "the document has 3000000 bytes"),
   * the limit's name and value, and how to raise it. Readers prefix the source.
   */
  public String overLimit(Limit limit, String what) {
    return what + ", over the limit of " + value(limit) + " "
        + limit.unit + " (ParseLimits." + limit.setter + "); check the input, or raise the limit"
        + " with ParseLimits.builder()." + limit.setter + "(n)"
        + (limit.option == null ? "" : " or " + limit.option + " on the command line");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParseLimits l && l.maxDocumentBytes == maxDocumentBytes
        && l.maxCollectionBytes == maxCollectionBytes && l.maxLineChars == maxLineChars
        && l.maxJsonDepth == maxJsonDepth && l.maxNumberChars == maxNumberChars
        && l.maxItems == maxItems;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(maxDocumentBytes, maxCollectionBytes, maxLineChars, maxJsonDepth,
        maxNumberChars, maxItems);
  }

  @Override
  public String toString() {
    return "ParseLimits[maxDocumentBytes=" + maxDocumentBytes + ", maxCollectionBytes="
        + maxCollectionBytes + ", maxLineChars=" + maxLineChars + ", maxJsonDepth=" + maxJsonDepth
        + ", maxNumberChars=" + maxNumberChars + ", maxItems=" + maxItems + "]";
  }

  /** Builds {@link ParseLimits}; each value is checked when it is set. Not thread-safe. */
  public static final class Builder {
    private int maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
    private int maxCollectionBytes = DEFAULT_MAX_COLLECTION_BYTES;
    private int maxLineChars = DEFAULT_MAX_LINE_CHARS;
    private int maxJsonDepth = DEFAULT_MAX_JSON_DEPTH;
    private int maxNumberChars = DEFAULT_MAX_NUMBER_CHARS;
    private int maxItems = DEFAULT_MAX_ITEMS;

    private Builder() {}

    /** Largest posting, resume or profile document (default 2 MiB); at least 1. */
    public Builder maxDocumentBytes(int n) {
      this.maxDocumentBytes = check("maxDocumentBytes", n, 1, Integer.MAX_VALUE - 8);
      return this;
    }

    /** Largest taxonomy file or posting exchange document (default 32 MiB); at least 1. */
    public Builder maxCollectionBytes(int n) {
      this.maxCollectionBytes = check("maxCollectionBytes", n, 1, Integer.MAX_VALUE - 8);
      return this;
    }

    /** Length beyond which a resume line is read in pieces (default 1,000); 80 to 100,000. */
    public Builder maxLineChars(int n) {
      this.maxLineChars = check("maxLineChars", n, 80, 100_000);
      return this;
    }

    /** Deepest JSON nesting (default 64); 4 to 1,000. */
    public Builder maxJsonDepth(int n) {
      this.maxJsonDepth = check("maxJsonDepth", n, 4, 1000);
      return this;
    }

    /** Most characters of one JSON number (default 100); 16 to 10,000. */
    public Builder maxNumberChars(int n) {
      this.maxNumberChars = check("maxNumberChars", n, 16, 10_000);
      return this;
    }

    /** Most records of one document (default 200,000); at least 1. */
    public Builder maxItems(int n) {
      this.maxItems = check("maxItems", n, 1, Integer.MAX_VALUE);
      return this;
    }

    private static int check(String name, int n, int min, int max) {
      if (n < min || n > max) {
        throw new IllegalArgumentException(
            name + " must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    }

    /** The limits. */
    public ParseLimits build() {
      return new ParseLimits(this);
    }
  }
}
