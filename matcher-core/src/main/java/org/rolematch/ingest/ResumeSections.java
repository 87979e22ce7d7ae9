package org.rolematch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recognises section headings of a resume ("EDUCATION", "Work History", "Technical Skills:",
 * "LEADERSHIP &amp; ACTIVITIES") and the kind of section each opens.
 *
 * <p>A line is a heading when it is short, every word of it belongs to the heading vocabulary
 * below, at least one is a key word, and it is written as a heading (all capitals, title case,
 * or ending in a colon). A line such as "Summary: Product data scientist ..." opens a section
 * inline when its label is a heading. Hand-written scanning only.
 */
final class ResumeSections {
  private ResumeSections() {}

  /** What a section holds. */
  enum Type {
    /** Lines before the first heading: name, contact details, location, often a title. */
    HEADER,
    SUMMARY,
    EDUCATION,
    /** Dated positions: experience, employment, work history, research, teaching, volunteering. */
    EXPERIENCE,
    /** Positions that are all internships ("Internships"). */
    INTERNSHIPS,
    /** Positions that are all volunteering. */
    VOLUNTEER,
    SKILLS,
    PROJECTS,
    PUBLICATIONS,
    COURSEWORK,
    ACTIVITIES,
    OTHER,
    /** A resume without any heading: every line is read for everything. */
    NONE;

    /** Whether dated lines of this section are positions. */
    boolean holdsPositions() {
      return this == EXPERIENCE || this == INTERNSHIPS || this == VOLUNTEER || this == NONE;
    }
  }

  static final int MAX_HEADING_CHARS = 60;

  /** Key words and the section each opens, in decreasing precedence. */
  private static final List<Map.Entry<Type, Set<String>>> KEYS =
      List.of(
          Map.entry(Type.PUBLICATIONS, Set.of("publications", "publication", "papers",
              "preprints", "bibliography")),
          Map.entry(Type.EDUCATION, Set.of("education", "educational", "academics", "degrees",
              "schooling")),
          Map.entry(Type.INTERNSHIPS, Set.of("internships", "internship", "co-ops")),
          Map.entry(Type.VOLUNTEER, Set.of("volunteer", "volunteering")),
          Map.entry(Type.EXPERIENCE, Set.of("experience", "experiences", "employment", "career", "history",
              "positions", "appointments", "jobs")),
          Map.entry(Type.PROJECTS, Set.of("projects", "project", "portfolio")),
          Map.entry(Type.SKILLS, Set.of("skills", "competencies", "technologies", "expertise",
              "proficiencies", "toolkit", "tools", "stack", "strengths", "abilities")),
          Map.entry(Type.COURSEWORK, Set.of("coursework", "courses")),
          Map.entry(Type.SUMMARY, Set.of("summary", "profile", "objective", "about", "overview",
              "introduction", "highlights")),
          Map.entry(Type.ACTIVITIES, Set.of("activities", "leadership", "extracurricular",
              "extracurriculars", "involvement", "service", "honors", "honours", "awards",
              "achievements", "accomplishments", "certifications", "certificates", "interests",
              "hobbies", "affiliations", "memberships", "talks", "presentations",
              "patents", "grants", "fellowships", "scholarships", "references", "referees",
              "languages", "licenses", "licences",
              "other", "additional", "miscellaneous", "information", "training", "reviewing")));

  /** Words that only qualify a key word ("Professional Experience", "Selected Publications"). */
  private static final Set<String> MODIFIERS =
      Set.copyOf(List.of("professional", "work", "working", "technical", "relevant", "selected", "select",
          "academic", "research", "teaching", "industry", "key", "core", "other", "additional",
          "personal", "recent", "related", "history", "and", "&", "of", "me", "my", "the",
          "information", "qualifications", "background", "programming", "computer", "software",
          "peer-reviewed", "refereed", "conference", "journal", "journals", "skill", "summary",
          "side", "open", "source", "open-source", "university", "graduate", "previous",
          "employment", "practical", "engineering", "leadership", "community", "campus",
          "experience", "honors", "awards", "interests", "hard", "soft", "language",
          "languages", "certifications", "achievements", "activities", "tools", "technologies",
          "professional", "in", "areas", "area", "skills", "list", "full", "complete",
          "education", "training", "projects", "volunteer", "publications", "relevant",
          "coursework", "military", "service", "online", "presence", "invited", "talks",
          "science", "data", "statement", "objective", "profile", "career", "focus", "expertise",
          "certificates", "memberships", "professional", "extracurricular", "awards"));

  /** Single words that are headings by themselves ("Research", "Teaching", "Work"). */
  private static final Map<String, Type> SOLO =
      Map.of("academic", Type.EDUCATION, "professional", Type.EXPERIENCE, "research",
          Type.EXPERIENCE, "teaching", Type.EXPERIENCE, "work", Type.EXPERIENCE, "history",
          Type.EXPERIENCE, "qualifications", Type.EDUCATION);

  /**
   * The section a line opens when it is a heading, or null.
   *
   * @param line the line, untrimmed
   */
  static Type heading(String line) {
    String s = strip(line);
    if (s.isEmpty() || s.length() > MAX_HEADING_CHARS) {
      return null;
    }
    boolean colon = s.endsWith(":");
    if (colon) {
      s = s.substring(0, s.length() - 1).strip();
    }
    if (s.isEmpty()) {
      return null;
    }
    if (!colon && !headingCase(s)) {
      return null;
    }
    return classify(words(s));
  }

  /**
   * For a line "Label: content" whose label is a heading ("Summary: ...", "Education: ..."),
   * the section type and the offset where the content begins; else null.
   */
  static int[] inlineHeading(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0 || colon > 40 || colon + 1 >= line.length()) {
      return null;
    }
    String label = line.substring(0, colon).strip();
    if (label.isEmpty() || !Character.isUpperCase(label.charAt(0))) {
      return null;
    }
    List<String> w = words(label);
    if (w.size() > 3) {
      return null;
    }
    Type t = classify(w);
    if (t == null || t == Type.ACTIVITIES || t == Type.OTHER || t == Type.SKILLS
        || t == Type.COURSEWORK) {
      return null; // "Languages:", "Tools:", "Coursework:" label lists inside a section
    }
    int content = colon + 1;
    while (content < line.length() && Character.isWhitespace(line.charAt(content))) {
      content++;
    }
    if (content >= line.length()) {
      return null;
    }
    return new int[] {t.ordinal(), content};
  }

  static Type classify(List<String> words) {
    if (words.isEmpty() || words.size() > 6) {
      return null;
    }
    boolean anyKey = false;
    for (String w : words) {
      boolean known = MODIFIERS.contains(w) || SOLO.containsKey(w);
      for (Map.Entry<Type, Set<String>> e : KEYS) {
        if (e.getValue().contains(w)) {
          known = true;
          anyKey = true;
        }
      }
      if (!known) {
        return null;
      }
    }
    if (anyKey) {
      for (Map.Entry<Type, Set<String>> e : KEYS) {
        for (String w : words) {
          if (e.getValue().contains(w)) {
            // "Research Interests" are interests, "Research Experience" is experience
            return e.getKey();
          }
        }
      }
    }
    for (String w : words) {
      Type t = SOLO.get(w);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /** Lower-case words of a heading; "&amp;", "/", "," and "-" rules separate them. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ' ';
      if (Character.isLetter(c) || (c == '-' && b.length() > 0) || c == '\'') {
        b.append(Character.toLowerCase(c));
      } else {
        if (b.length() > 0) {
          String w = b.toString();
          if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
          }
          out.add(w);
          b.setLength(0);
        }
        if (c == '&') {
          out.add("&");
        } else if (Character.isDigit(c)) {
          out.add("#digit");
        }
      }
    }
    out.removeIf(w -> w.equals("&") || w.equals("and"));
    return out;
  }

  /** The line without surrounding whitespace and decoration ("== SKILLS ==", "## Skills"). */
  static String strip(String line) {
    int a = 0;
    int b = line.length();
    while (a < b && decoration(line.charAt(a))) {
      a++;
    }
    while (b > a && decoration(line.charAt(b - 1))) {
      b--;
    }
    return line.substring(a, b);
  }

  private static boolean decoration(char c) {
    return Character.isWhitespace(c) || c == '=' || c == '#' || c == '*' || c == '_'
        || c == '|' || c == '~' || c == '\u2500' || c == '\u2501' || c == '\u2014'
        || c == '\u2013' || c == '-' || c == '\u00a0' || c == '[' || c == ']';
  }

  /** All letters capitals, or every word of four or more letters capitalised. */
  private static boolean headingCase(String s) {
    boolean anyLetter = false;
    boolean allUpper = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        anyLetter = true;
        if (Character.isLowerCase(c)) {
          allUpper = false;
        }
      }
    }
    if (!anyLetter) {
      return false;
    }
    if (allUpper) {
      return true;
    }
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && !Character.isLetter(s.charAt(i))) {
        i++;
      }
      int j = i;
      while (j < s.length() && Character.isLetter(s.charAt(j))) {
        j++;
      }
      if (j - i >= 4 && !Character.isUpperCase(s.charAt(i))) {
        return false;
      }
      i = j;
    }
    return true;
  }

  /** Lower-case name of a type, for notes. */
  static String name(Type t) {
    return t.name().toLowerCase(Locale.ROOT);
  }
}
