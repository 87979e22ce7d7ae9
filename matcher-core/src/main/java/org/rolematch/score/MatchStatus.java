package org.rolematch.score;

/**
 * How well one requirement is met by one candidate.
 *
 * <pre>{@code
 * if (clause.status() == MatchStatus.MISSING) { System.out.println("missing: " + clause.reason()); }
 * }</pre>
 */
public enum MatchStatus {
  /** Fully met: credit 1 (the requirement's evidence shows it). */
  MET('\u2714'),
  /** Partly met: a sibling concept, a related field, a degree one level below, too few years. */
  PARTIAL('\u25D0'),
  /** Not met: the profile shows nothing that satisfies it. */
  MISSING('\u2718'),
  /** Cannot be judged: the profile is silent (no location stated, soft skills not shown). */
  UNKNOWN('?');

  private final char mark;

  MatchStatus(char mark) {
    this.mark = mark;
  }

  /** The mark used in text renderings: ✔ met, ◐ partial, ✘ missing, ? unknown. */
  public char mark() {
    return mark;
  }

  /** The lower-case name used in JSON. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
