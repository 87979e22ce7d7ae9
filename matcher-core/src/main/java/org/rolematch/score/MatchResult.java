package org.rolematch.score;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How well one candidate matches one role, requirement by requirement.
 *
 * <p>The score (0..100) is the weighted mean of the clause credits, times the knock-out penalty
 * for an ineligible match under {@link KnockoutMode#PENALISE}. It is computed as the sum of the
 * clauses' {@link ClauseMatch#contribution() contributions} in clause order, so an explanation
 * always adds up to its score.
 *
 * <pre>{@code
 * MatchResult r = Scorer.of(taxonomy, ScoringPolicy.defaults()).score(role, profile);
 * System.out.printf(Locale.ROOT, "%s %.1f%n", r.roleId(), r.score());
 * r.missing().forEach(c -> System.out.println("missing: " + c.requirement().text()));
 * }</pre>
 *
 * @param roleId the role's id
 * @param roleTitle the role's title
 * @param candidateId the profile's id
 * @param score 0..100
 * @param eligible false when a knock-out requirement failed
 * @param clauses one entry per requirement of the role, in the role's order
 */
public record MatchResult(
    String roleId,
    String roleTitle,
    String candidateId,
    double score,
    boolean eligible,
    List<ClauseMatch> clauses) {

  /**
   * Ranking order: higher score first, then role id, then candidate id (ascending), so that ties
   * are broken deterministically.
   */
  public static final Comparator<MatchResult> RANKING =
      Comparator.comparingDouble(MatchResult::score).reversed()
          .thenComparing(MatchResult::roleId)
          .thenComparing(MatchResult::candidateId);

  public MatchResult {
    requireNonNull(roleId, "roleId");
    requireNonNull(roleTitle, "roleTitle");
    requireNonNull(candidateId, "candidateId");
    clauses = List.copyOf(requireNonNull(clauses, "clauses"));
    if (!(score >= 0 && score <= 100 + 1e-9)) {
      throw new IllegalArgumentException("score must lie in [0, 100], got " + score);
    }
  }

  /** The clauses with a given status. */
  public List<ClauseMatch> withStatus(MatchStatus status) {
    List<ClauseMatch> out = new ArrayList<>();
    for (ClauseMatch c : clauses) {
      if (c.status() == status) {
        out.add(c);
      }
    }
    return out;
  }

  /** The requirements the candidate misses. */
  public List<ClauseMatch> missing() {
    return withStatus(MatchStatus.MISSING);
  }

  /** The sum of the contributions in clause order (equal to {@link #score()}). */
  public double contributionSum() {
    double s = 0;
    for (ClauseMatch c : clauses) {
      s += c.contribution();
    }
    return s;
  }
}
