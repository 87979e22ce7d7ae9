package org.rolematch.score;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.taxonomy.Taxonomy;

/**
 * The exact scorer: scores a role for a profile clause by clause, and ranks by brute force. It is
 * the reference the fast index paths must agree with, bit for bit.
 *
 * <pre>{@code
 * Scorer scorer = Scorer.of(Taxonomy.defaults(), ScoringPolicy.defaults());
 * MatchResult r = scorer.score(role, profile);
 * List<MatchResult> top = scorer.rankRoles(roles, profile, 10);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Scorer {
  private final ClauseEvaluator evaluator;

  private Scorer(ClauseEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** A scorer over a taxonomy and a policy. */
  public static Scorer of(Taxonomy taxonomy, ScoringPolicy policy) {
    return new Scorer(ClauseEvaluator.of(taxonomy, policy));
  }

  /** A scorer sharing an evaluator. */
  public static Scorer of(ClauseEvaluator evaluator) {
    return new Scorer(requireNonNull(evaluator, "evaluator"));
  }

  /** The evaluator. */
  public ClauseEvaluator evaluator() {
    return evaluator;
  }

  /** Scores a role for a profile, with one entry per requirement. */
  public MatchResult score(Role role, CandidateProfile profile) {
    requireNonNull(role, "role");
    requireNonNull(profile, "profile");
    ConceptGraph g = evaluator.graph();
    return score(role, CompiledRole.compile(role, g), profile,
        CompiledProfile.compile(profile, g), new ScoreSheet());
  }

  /**
   * Scores with compiled forms supplied by the caller (which must be the compilations of
   * {@code role} and {@code profile} over this scorer's taxonomy).
   */
  public MatchResult score(Role role, CompiledRole r, CandidateProfile profile,
      CompiledProfile p, ScoreSheet sheet) {
    double score = evaluator.score(r, p, sheet, true); // each clause evaluated once
    List<ClauseMatch> clauses = new ArrayList<>(r.n);
    for (int i = 0; i < r.n; i++) {
      clauses.add(Reasons.clauseMatch(evaluator, role.requirements().get(i), r, i, profile, p,
          sheet.outcomes[i], sheet.weights[i], sheet.contributions[i], sheet.knockout[i]));
    }
    return new MatchResult(role.id(), role.title(), profile.id(), score, sheet.eligible, clauses);
  }

  /** The score alone (no explanation), as the index computes it. */
  public double scoreOnly(CompiledRole r, CompiledProfile p, ScoreSheet sheet) {
    return evaluator.score(r, p, sheet);
  }

  /**
   * Brute force: scores every role, drops ineligible ones under {@link KnockoutMode#FILTER} and
   * those the filter rejects, and returns the best {@code k} in {@link MatchResult#RANKING} order.
   */
  public List<MatchResult> rankRoles(Collection<Role> roles, CandidateProfile profile, int k,
      Predicate<Role> filter) {
    List<MatchResult> all = new ArrayList<>();
    boolean dropIneligible = evaluator.policy().knockoutMode() == KnockoutMode.FILTER;
    for (Role role : roles) {
      if (!filter.test(role)) {
        continue;
      }
      MatchResult m = score(role, profile);
      if (dropIneligible && !m.eligible()) {
        continue;
      }
      all.add(m);
    }
    all.sort(MatchResult.RANKING);
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }

  /** Brute force in the other direction: the best {@code k} profiles for one role. */
  public List<MatchResult> rankCandidates(Role role, Collection<CandidateProfile> profiles, int k,
      Predicate<CandidateProfile> filter) {
    List<MatchResult> all = new ArrayList<>();
    boolean dropIneligible = evaluator.policy().knockoutMode() == KnockoutMode.FILTER;
    CompiledRole r = CompiledRole.compile(role, evaluator.graph());
    ScoreSheet sheet = new ScoreSheet();
    for (CandidateProfile p : profiles) {
      if (!filter.test(p)) {
        continue;
      }
      MatchResult m = score(role, r, p, CompiledProfile.compile(p, evaluator.graph()), sheet);
      if (dropIneligible && !m.eligible()) {
        continue;
      }
      all.add(m);
    }
    all.sort(MatchResult.RANKING);
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }
}
