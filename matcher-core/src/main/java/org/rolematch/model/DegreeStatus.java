package org.rolematch.model;

import java.util.Locale;

/**
 * Status of a degree. On a profile it is {@link #COMPLETED} or {@link #IN_PROGRESS}; on a
 * requirement it may also be {@link #EITHER} ("currently pursuing or completing").
 */
public enum DegreeStatus {
  COMPLETED,
  IN_PROGRESS,
  EITHER;

  /** The wire name, made once: names are written for every role an index adds. */
  private final String wire;

  DegreeStatus() {
    wire = name().toLowerCase(Locale.ROOT);
  }

  /** The lower-case name used in JSON ({@code completed}, {@code in_progress}, {@code either}). */
  public String wireName() {
    return wire;
  }

  /** Parses a wire name, case-insensitively. */
  public static DegreeStatus fromWire(String s) {
    return Wire.parse(DegreeStatus.class, s, "degree status");
  }
}
