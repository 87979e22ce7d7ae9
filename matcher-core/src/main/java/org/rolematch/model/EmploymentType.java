package org.rolematch.model;

import java.util.Locale;

/** The kind of engagement a role offers. */
public enum EmploymentType {
  INTERNSHIP,
  FULL_TIME,
  PART_TIME,
  CONTRACT,
  UNKNOWN;

  /** The wire name, made once: names are written for every role an index adds. */
  private final String wire;

  EmploymentType() {
    wire = name().toLowerCase(Locale.ROOT);
  }

  /** The lower-case name used in JSON ({@code full_time}, ...). */
  public String wireName() {
    return wire;
  }

  /** Parses a wire name, case-insensitively ({@code full-time} and {@code FULL_TIME} too). */
  public static EmploymentType fromWire(String s) {
    return Wire.parse(EmploymentType.class, s, "employment type");
  }
}
