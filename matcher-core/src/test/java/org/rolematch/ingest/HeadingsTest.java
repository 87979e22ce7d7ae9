package org.rolematch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.rolematch.text.TextLayout;

class HeadingsTest {
  private static SectionType kind(String line) {
    return Headings.classify(TextLayout.lines(line).get(0));
  }

  @Test
  void qualificationHeadingsInTheirVariants() {
    assertEquals(SectionType.REQUIRED, kind("What we\u2019re looking for:"));
    assertEquals(SectionType.REQUIRED, kind("What were looking for:"));
    assertEquals(SectionType.REQUIRED, kind("Minimum qualifications:"));
    assertEquals(SectionType.REQUIRED, kind("BASIC QUALIFICATIONS"));
    assertEquals(SectionType.REQUIRED, kind("Required Skills"));
    assertEquals(SectionType.REQUIRED, kind("Who you are"));
    assertEquals(SectionType.PREFERRED, kind("Preferred Qualifications:"));
    assertEquals(SectionType.PREFERRED, kind("  \u2022 Preferred Qualifications:"));
    assertEquals(SectionType.PREFERRED, kind("- Nice to have:"));
    assertEquals(SectionType.PREFERRED, kind("Bonus points"));
    assertEquals(SectionType.PREFERRED, kind("Exceptional candidates will have:"));
  }

  @Test
  void responsibilitiesAndBoilerplateAreNotQualifications() {
    assertEquals(SectionType.RESPONSIBILITIES, kind("What you\u2019ll do:"));
    assertEquals(SectionType.RESPONSIBILITIES, kind("Responsibilities"));
    assertEquals(SectionType.BOILERPLATE, kind("Benefits"));
    assertEquals(SectionType.BOILERPLATE, kind("About Acme:"));
    assertEquals(SectionType.BOILERPLATE, kind("Relocation Statement:"));
    assertEquals(SectionType.BOILERPLATE, kind("In-Office Requirement Statement:"));
    assertEquals(SectionType.BOILERPLATE, kind("Job Summary"));
  }

  @Test
  void sentencesAreNotHeadings() {
    assertNull(kind("Experience with SQL."));
    assertNull(kind("We are looking for candidates with experience in recommendation systems and ranking"));
  }
}
