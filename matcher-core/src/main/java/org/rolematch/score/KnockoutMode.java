package org.rolematch.score;

/**
 * What a failed knock-out requirement does to a match.
 *
 * <p>A requirement is a knock-out when the caller marks it {@link
 * org.rolematch.model.Requirement#hard() hard}, or when it is a required location or work
 * authorisation clause and {@link ScoringPolicy#requiredLocationIsKnockout()} holds. It fails when
 * its status is {@link MatchStatus#MISSING}; an {@link MatchStatus#UNKNOWN} status (the profile is
 * silent) never fails a knock-out.
 *
 * <pre>{@code
 * ScoringPolicy strict = ScoringPolicy.builder().knockoutMode(KnockoutMode.FILTER).build();
 * }</pre>
 */
public enum KnockoutMode {
  /** The match is ineligible and left out of rankings ({@code explain} still shows it). */
  FILTER,
  /** The match is ineligible, stays in rankings, and its score is multiplied by the penalty. */
  PENALISE,
  /** Knock-outs are scored like any other requirement; every match is eligible. */
  IGNORE
}
