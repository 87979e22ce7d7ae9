package org.rolematch.ingest;

/** What a section of a posting holds, as told by its heading. */
enum SectionType {
  /** Required qualifications: "Requirements", "Minimum qualifications", "What we're looking for". */
  REQUIRED,
  /** Preferred qualifications: "Preferred qualifications", "Nice to have", "Bonus". */
  PREFERRED,
  /** Responsibilities: "What you'll do", "Responsibilities". Yields no requirements. */
  RESPONSIBILITIES,
  /** Benefits, company description, salary, equal opportunity, relocation. Yields nothing. */
  BOILERPLATE,
  /** A heading of no known kind; ends the section before it. */
  OTHER;

  boolean qualifications() {
    return this == REQUIRED || this == PREFERRED;
  }
}
