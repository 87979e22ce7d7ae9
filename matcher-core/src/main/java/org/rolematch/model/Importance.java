package org.rolematch.model;

import java.util.Locale;

/** Whether a requirement must be met or is a plus. */
public enum Importance {
  /** Must be met: under "Requirements", "Minimum qualifications", "What we're looking for". */
  REQUIRED,
  /** A plus: under "Preferred qualifications", "Nice to have", or marked "preferred", "a plus". */
  PREFERRED;

  /** The wire name, made once: names are written for every role an index adds. */
  private final String wire;

  Importance() {
    wire = name().toLowerCase(Locale.ROOT);
  }

  /** The lower-case name used in JSON ({@code required}, {@code preferred}). */
  public String wireName() {
    return wire;
  }

  /** Parses a wire name, case-insensitively. */
  public static Importance fromWire(String s) {
    return Wire.parse(Importance.class, s, "importance");
  }
}
