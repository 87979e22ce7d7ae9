package org.rolematch.ingest;

import java.util.Locale;
import java.util.Set;
import org.rolematch.text.Line;

/**
 * Recognises section headings of postings and says what kind of section they open. Matching is
 * on a normalised form of the line (lower case, apostrophes dropped, punctuation to spaces), by
 * exact phrase or phrase prefix; no regular expressions.
 */
final class Headings {
  private Headings() {}

  private static final Set<String> PREFERRED =
      Set.of(
          "preferred qualifications", "preferred qualification", "preferred skills",
          "preferred experience", "preferred requirements", "preferred", "nice to have",
          "nice to haves", "nice-to-have", "nice to have skills", "good to have", "bonus",
          "bonus points", "bonus qualifications", "pluses", "plus", "desired qualifications",
          "desired skills", "desired experience", "desirable", "desired", "additional qualifications",
          "exceptional candidates will have", "it would be great if", "extra credit",
          "ideally you have", "ideally you will have", "what would make you stand out",
          "you will stand out if", "youll stand out if", "even better if", "its a bonus if",
          "its a plus if", "we would love if", "wed love if you have", "preferred but not required");

  private static final Set<String> REQUIRED =
      Set.of(
          "what were looking for", "what we are looking for", "who were looking for",
          "who we are looking for", "what we look for", "requirements", "job requirements",
          "minimum qualifications", "minimum requirements", "basic qualifications",
          "required qualifications", "required skills", "required experience", "qualifications",
          "key qualifications", "skills and qualifications", "qualifications and skills",
          "skills and experience", "skills & experience", "experience and skills",
          "what youll need", "what you will need", "what you need", "what you bring",
          "what youll bring", "what you will bring", "you have", "you should have",
          "you will have", "youll have", "about you", "who you are", "must have", "must haves",
          "must-haves", "your profile", "your background", "your qualifications",
          "what we need", "the ideal candidate", "ideal candidate", "competencies",
          "technical skills", "skills", "knowledge skills and abilities", "education",
          "education and experience", "experience", "what it takes", "we are looking for",
          "were looking for", "you are", "youre", "candidate requirements", "minimum requirement");

  private static final Set<String> RESPONSIBILITIES =
      Set.of(
          "what youll do", "what you will do", "what youll be doing", "what you will be doing",
          "responsibilities", "key responsibilities", "your responsibilities", "job responsibilities",
          "the role", "your role", "in this role", "about the role", "role overview", "day to day",
          "a day in the life", "duties", "your impact", "the job", "about the job",
          "what you will work on", "what youll work on", "you will", "youll", "your mission",
          "the opportunity", "about the opportunity", "what the job involves", "job duties",
          "position summary", "role description", "overview", "the position");

  private static final Set<String> BOILERPLATE =
      Set.of(
          "benefits", "perks", "perks and benefits", "benefits and perks", "about us",
          "about the company", "about the team", "our commitment", "equal opportunity",
          "equal employment opportunity", "eeo", "relocation statement", "in-office requirement statement",
          "in office requirement statement", "compensation", "salary", "pay range", "pay",
          "job summary", "internship details", "how to apply", "why join", "why join us",
          "why work", "life at", "our culture", "what we offer", "whats in it for you",
          "diversity", "inclusion", "application deadline", "our values", "who we are",
          "company description", "about", "disclaimer", "accommodations", "privacy",
          "safe remote job search tips", "subscribe newsletter", "interested in this job",
          "compensation and benefits", "location", "working model", "work model", "apply",
          "job description");

  /** The section a line opens, or {@code null} when the line is not a heading. */
  static SectionType classify(Line line) {
    String content = line.content();
    if (content.isEmpty() || content.length() > 90) {
      return null;
    }
    boolean colon = content.endsWith(":");
    int words = line.words();
    if (words > (colon ? 9 : 7)) {
      return null;
    }
    char last = content.charAt(content.length() - 1);
    if (last == '.' || last == ',' || last == ';') {
      return null;
    }
    if (line.bullet() && !colon) {
      return null; // a bullet is an item unless it ends like a heading ("- Nice to have:")
    }
    String n = normalise(content);
    if (n.isEmpty()) {
      return null;
    }
    SectionType t = match(n, colon || upperCase(content));
    if (t != null) {
      return t;
    }
    if (colon && !line.bullet() && words <= 6) {
      return SectionType.OTHER;
    }
    return null;
  }

  static SectionType match(String n) {
    return match(n, true);
  }

  /** Phrase prefixes ("Preferred qualifications for this role") count only when allowed. */
  static SectionType match(String n, boolean prefixes) {
    if (matches(n, PREFERRED, prefixes)) {
      return SectionType.PREFERRED;
    }
    if (matches(n, RESPONSIBILITIES, prefixes)) {
      return SectionType.RESPONSIBILITIES;
    }
    if (REQUIRED.contains(n)) {
      return SectionType.REQUIRED;
    }
    if (matches(n, BOILERPLATE, prefixes) || n.startsWith("about ") || n.startsWith("our commitment")
        || n.startsWith("life at ") || n.startsWith("why ")) {
      return SectionType.BOILERPLATE;
    }
    if (matches(n, REQUIRED, prefixes)) {
      return SectionType.REQUIRED;
    }
    return null;
  }

  /**
   * Whether {@code n} is one of the phrases, or (when allowed) starts with one of at least 8
   * characters followed by a space and fewer than 24 more characters. Looks up the prefixes of
   * {@code n} that end at a space instead of trying every phrase: a line costs a few hash
   * look-ups, not a scan of every phrase.
   */
  private static boolean matches(String n, Set<String> phrases, boolean prefixes) {
    if (phrases.contains(n)) {
      return true;
    }
    if (!prefixes) {
      return false;
    }
    for (int k = n.indexOf(' ', 8); k >= 0; k = n.indexOf(' ', k + 1)) {
      if (n.length() - k < 24 && phrases.contains(n.substring(0, k))) {
        return true;
      }
    }
    return false;
  }

  private static boolean upperCase(String s) {
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  /** Lower case, apostrophes removed, other punctuation to single spaces, trimmed. */
  static String normalise(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '\u2019' || c == '\u2018') {
        continue;
      }
      if (Character.isLetterOrDigit(c) || c == '&' || c == '-') {
        if (space && b.length() > 0) {
          b.append(' ');
        }
        space = false;
        b.append(Character.toLowerCase(c));
      } else {
        space = true;
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
