package org.rolematch.model;

import java.util.Locale;

/**
 * Level of an academic degree, in increasing order. {@link #OTHER} (a certificate, a diploma) is
 * below every level; comparisons use {@link #rank()}.
 */
public enum DegreeLevel {
  OTHER(0),
  ASSOCIATE(1),
  BACHELOR(2),
  MASTER(3),
  PHD(4);

  private final int rank;
  /** The wire name, made once: compiling a degree clause compares its levels with every one. */
  private final String wire;

  DegreeLevel(int rank) {
    this.rank = rank;
    this.wire = name().toLowerCase(Locale.ROOT);
  }

  /** Position in the order other &lt; associate &lt; bachelor &lt; master &lt; phd. */
  public int rank() {
    return rank;
  }

  /** Whether this level is at least {@code other}. */
  public boolean atLeast(DegreeLevel other) {
    return rank >= other.rank;
  }

  /** The lower-case name used in JSON ({@code bachelor}, {@code phd}, ...). */
  public String wireName() {
    return wire;
  }

  /** Parses a wire name, case-insensitively. */
  public static DegreeLevel fromWire(String s) {
    return Wire.parse(DegreeLevel.class, s, "degree level");
  }
}
