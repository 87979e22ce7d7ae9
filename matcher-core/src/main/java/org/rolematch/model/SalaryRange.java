package org.rolematch.model;

import static java.util.Objects.requireNonNull;

/**
 * A salary range as stated on a posting.
 *
 * @param min lower bound, in {@code currency} per {@code period}
 * @param max upper bound (equal to {@code min} for a single figure)
 * @param currency ISO 4217 code, {@code USD} when the posting only shows "$"
 * @param period {@code hour}, {@code month}, {@code year}, or {@code unknown}
 */
public record SalaryRange(double min, double max, String currency, String period) {
  public SalaryRange {
    requireNonNull(currency, "currency");
    requireNonNull(period, "period");
    if (!(min >= 0) || !(max >= min)) {
      throw new IllegalArgumentException(
          "salary range must satisfy 0 <= min <= max, got min=" + min + " max=" + max);
    }
  }
}
