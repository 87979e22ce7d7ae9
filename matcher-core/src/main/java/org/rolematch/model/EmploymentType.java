package org.rolematch.model;

import java.util.Locale;

/** The kind of engagement a role offers. */
public enum EmploymentType {
  INTERNSHIP,
  FULL_TIME,
  PART_TIME,
  CONTRACT,
  UNKNOWN;

  /** The lower-case name used in JSON ({@code full_time}, ...). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name, case-insensitively ({@code full-time} and {@code FULL_TIME} too). */
  public static EmploymentType fromWire(String s) {
    return Wire.parse(EmploymentType.class, s, "employment type");
  }
}
