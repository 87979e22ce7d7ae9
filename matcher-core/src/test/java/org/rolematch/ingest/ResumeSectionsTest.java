package org.rolematch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.rolematch.ingest.ResumeSections.Type;

class ResumeSectionsTest {

  @Test
  void usualHeadingsAndTheirVariants() {
    assertEquals(Type.EDUCATION, ResumeSections.heading("EDUCATION"));
    assertEquals(Type.EDUCATION, ResumeSections.heading("Education & Training"));
    assertEquals(Type.EDUCATION, ResumeSections.heading("Academic Background"));
    assertEquals(Type.EXPERIENCE, ResumeSections.heading("Experience"));
    assertEquals(Type.EXPERIENCE, ResumeSections.heading("WORK HISTORY"));
    assertEquals(Type.EXPERIENCE, ResumeSections.heading("Employment"));
    assertEquals(Type.EXPERIENCE, ResumeSections.heading("Professional Experience:"));
    assertEquals(Type.EXPERIENCE, ResumeSections.heading("RESEARCH EXPERIENCE"));
    assertEquals(Type.EXPERIENCE, ResumeSections.heading("Research"));
    assertEquals(Type.EXPERIENCE, ResumeSections.heading("Academic Appointments"));
    assertEquals(Type.INTERNSHIPS, ResumeSections.heading("Internships"));
    assertEquals(Type.SKILLS, ResumeSections.heading("Technical Skills"));
    assertEquals(Type.SKILLS, ResumeSections.heading("== SKILLS =="));
    assertEquals(Type.PUBLICATIONS, ResumeSections.heading("Selected Publications"));
    assertEquals(Type.PROJECTS, ResumeSections.heading("PROJECTS"));
    assertEquals(Type.ACTIVITIES, ResumeSections.heading("LEADERSHIP & ACTIVITIES"));
    assertEquals(Type.ACTIVITIES, ResumeSections.heading("Research Interests"));
    assertEquals(Type.SUMMARY, ResumeSections.heading("OBJECTIVE"));
    assertEquals(Type.ACTIVITIES, ResumeSections.heading("Other"));
    assertEquals(Type.EXPERIENCE, ResumeSections.heading("Professional Background"));
    assertEquals(Type.SUMMARY, ResumeSections.heading("Professional Summary"));
    assertEquals(Type.ACTIVITIES, ResumeSections.heading("Licenses & Certifications"));
    assertEquals(Type.VOLUNTEER, ResumeSections.heading("Volunteer Experience"));
  }

  @Test
  void linesThatOnlyLookLikeHeadingsAreNot() {
    assertNull(ResumeSections.heading("Experience with Python and SQL"));
    assertNull(ResumeSections.heading("SOFTWARE ENGINEER"));
    assertNull(ResumeSections.heading("experience"), "a lower-case word in running text");
    assertNull(ResumeSections.heading("DATA SCIENCE"));
    assertNull(ResumeSections.heading(""));
    assertNull(ResumeSections.heading("Skills " + "x".repeat(80)));
  }

  @Test
  void inlineHeadingsOpenASection() {
    int[] s = ResumeSections.inlineHeading("Summary: Product data scientist with five years");
    assertNotNull(s);
    assertEquals(Type.SUMMARY, Type.values()[s[0]]);
    assertEquals("Product", "Summary: Product data scientist".substring(s[1], s[1] + 7));
    assertNull(ResumeSections.inlineHeading("Languages: Python, Java, C++"),
        "list labels inside a section are not headings");
    assertNull(ResumeSections.inlineHeading("Tools: Git, Docker"));
  }
}
