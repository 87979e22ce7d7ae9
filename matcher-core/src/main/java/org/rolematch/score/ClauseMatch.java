package org.rolematch.score;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.rolematch.model.Evidence;
import org.rolematch.model.Requirement;

/**
 * The verdict on one requirement of a role for one candidate: one line of a {@link MatchResult}.
 *
 * <pre>{@code
 * for (ClauseMatch c : result.clauses()) {
 *   System.out.println(c.status().mark() + " " + c.requirement().text() + " — " + c.reason());
 * }
 * }</pre>
 *
 * @param requirement the requirement, as read from the posting
 * @param status met, partial, missing or unknown
 * @param credit the credit earned, 0..1
 * @param weight the weight the requirement carries under the policy
 * @param contribution the points this requirement adds to the score; the contributions of a
 *     result add up to its score
 * @param knockout whether the requirement is a knock-out under the policy
 * @param evidence spans of the candidate's source that satisfied it (empty when nothing did or
 *     the profile was built in code)
 * @param reason one line saying what was found: what satisfied it, or why it is partial, missing
 *     or unknown ("has MS, role asks for a PhD", "3 of 4 years")
 */
public record ClauseMatch(
    Requirement requirement,
    MatchStatus status,
    double credit,
    double weight,
    double contribution,
    boolean knockout,
    List<Evidence> evidence,
    String reason) {

  public ClauseMatch {
    requireNonNull(requirement, "requirement");
    requireNonNull(status, "status");
    evidence = List.copyOf(requireNonNull(evidence, "evidence"));
    requireNonNull(reason, "reason");
    if (!(credit >= 0 && credit <= 1)) {
      throw new IllegalArgumentException("credit must lie in [0, 1], got " + credit);
    }
  }

  /** Whether this knock-out requirement failed (the match is then ineligible). */
  public boolean failedKnockout() {
    return knockout && status == MatchStatus.MISSING;
  }
}
