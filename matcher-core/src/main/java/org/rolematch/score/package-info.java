/**
 * Exact, deterministic scoring of one candidate against one role, requirement by requirement.
 * Pure Java: no Lucene.
 *
 * <h2>Use it in three steps</h2>
 *
 * <ol>
 *   <li>Pick a {@link org.rolematch.score.ScoringPolicy} ({@code ScoringPolicy.defaults()} or a
 *       built one: weights, partial-credit factors, knock-outs).
 *   <li>Make a {@link org.rolematch.score.Scorer} over a taxonomy and the policy.
 *   <li>Call {@code scorer.score(role, profile)} for a {@link org.rolematch.score.MatchResult}:
 *       a score 0..100, eligibility, and one {@link org.rolematch.score.ClauseMatch} per
 *       requirement with status, credit, weight, contribution, evidence and reason.
 * </ol>
 *
 * <pre>{@code
 * Scorer scorer = Scorer.of(Taxonomy.defaults(), ScoringPolicy.defaults());
 * MatchResult r = scorer.score(role, profile);
 * r.missing().forEach(c -> System.out.println(c.requirement().text() + ": " + c.reason()));
 * }</pre>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>The score is the sum of the contributions, in clause order; each contribution is {@code
 *       weight * credit * 100 * factor / totalWeight} (factor: the knock-out penalty of an
 *       ineligible match under PENALISE, else 1).
 *   <li>The {@link org.rolematch.score.ClauseEvaluator} works on compiled forms ({@link
 *       org.rolematch.score.CompiledRole}, {@link org.rolematch.score.CompiledProfile}: sorted
 *       int ordinals); the record-level API compiles first. The index scores the same compiled
 *       forms, so a ranked score and its explanation are the same double.
 *   <li>Only a profile's matchable fields are read: concepts, degrees, years, counts, location
 *       and work authorisation. Its id breaks ties only.
 *   <li>Everything here is immutable and thread-safe, except the compiled forms, {@link
 *       org.rolematch.score.Outcome} and {@link org.rolematch.score.ScoreSheet}, which are reusable
 *       scratch for one thread. Those and {@link org.rolematch.score.ConceptGraph} and {@link
 *       org.rolematch.score.CompiledCodec} are internal: public for the index package only.
 * </ul>
 */
package org.rolematch.score;
