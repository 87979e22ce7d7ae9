package org.rolematch;

import static java.util.Objects.requireNonNull;

import org.rolematch.model.CandidateProfile;

/**
 * Which candidates a ranking may return: a small predicate over {@link CandidateProfile},
 * applied only to candidates that could enter the top k.
 *
 * <pre>{@code
 * List<MatchResult> top = matcher.rankCandidates("careers#3", 10,
 *     p -> p.workAuthorizations().contains("united states"));
 * }</pre>
 *
 * <p>Implementations must be thread-safe and side-effect free. A filter must not read protected
 * facts: profiles carry none.
 */
@FunctionalInterface
public interface CandidateFilter {
  /** Accepts every candidate. */
  CandidateFilter ALL = profile -> true;

  /** Whether the candidate may be returned. */
  boolean accept(CandidateProfile profile);

  /** Both filters. */
  default CandidateFilter and(CandidateFilter other) {
    requireNonNull(other, "other");
    return p -> accept(p) && other.accept(p);
  }
}
