package org.rolematch.bench.baseline;

import static java.util.Objects.requireNonNull;

/**
 * One ranked item of a baseline: its id and score.
 *
 * @param id the role or profile id
 * @param score the score (0..100 for the exact scorers, a cosine for TF-IDF)
 */
public record Hit(String id, double score) {
  public Hit {
    requireNonNull(id, "id");
  }
}
