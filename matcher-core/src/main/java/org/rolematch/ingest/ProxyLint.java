package org.rolematch.ingest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rolematch.model.Evidence;
import org.rolematch.text.Line;
import org.rolematch.text.TextLayout;

/**
 * Flags posting wording that can stand in for a protected attribute: "recent graduate" (limits
 * applicants by graduation year, so by age), "native speaker" (national origin), age ranges,
 * "young", gendered job words, family status, physical requirements. It only warns: a person
 * decides whether the wording is justified (a legal minimum age, a language requirement stated
 * as proficiency). Equal-opportunity statements, which name these attributes to exclude them,
 * are not flagged.
 *
 * <p>Phrase matching is by hand over lower-cased text, word-bounded; no regular expressions.
 */
public final class ProxyLint {
  private ProxyLint() {}

  /** The protected attribute a phrase can stand in for. */
  public enum Attribute {
    AGE, NATIONAL_ORIGIN, GENDER, FAMILY_STATUS, DISABILITY
  }

  /**
   * One flagged phrase.
   *
   * @param attribute the attribute the wording can proxy for
   * @param phrase the phrase that was matched, as written
   * @param evidence the sentence it stands in, with offsets
   * @param advice what to write instead
   */
  public record Warning(Attribute attribute, String phrase, Evidence evidence, String advice) {
    public Warning {
      requireNonNull(attribute, "attribute");
      requireNonNull(phrase, "phrase");
      requireNonNull(evidence, "evidence");
      requireNonNull(advice, "advice");
    }

    /** "age: 'recent graduate' in "..." — state the skills ...". */
    @Override
    public String toString() {
      return attribute.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": '" + phrase + "' in \""
          + evidence.text() + "\" (" + advice + ")";
    }
  }

  private record Rule(String phrase, Attribute attribute, String advice) {}

  private static final String AGE_ADVICE =
      "ask for the skills or experience instead of a graduation window or an age";
  private static final List<Rule> RULES =
      List.of(
          new Rule("recent graduate", Attribute.AGE, AGE_ADVICE),
          new Rule("recent graduates", Attribute.AGE, AGE_ADVICE),
          new Rule("recent college graduate", Attribute.AGE, AGE_ADVICE),
          new Rule("recent college graduates", Attribute.AGE, AGE_ADVICE),
          new Rule("recently graduated", Attribute.AGE, AGE_ADVICE),
          new Rule("graduated within the last", Attribute.AGE, AGE_ADVICE),
          new Rule("digital native", Attribute.AGE, AGE_ADVICE),
          new Rule("digital natives", Attribute.AGE, AGE_ADVICE),
          new Rule("young", Attribute.AGE, AGE_ADVICE),
          new Rule("youthful", Attribute.AGE, AGE_ADVICE),
          new Rule("years young", Attribute.AGE, AGE_ADVICE),
          new Rule("years old", Attribute.AGE, AGE_ADVICE),
          new Rule("under the age of", Attribute.AGE, AGE_ADVICE),
          new Rule("no more than 5 years of experience", Attribute.AGE, AGE_ADVICE),
          new Rule("overqualified", Attribute.AGE, AGE_ADVICE),
          new Rule("native speaker", Attribute.NATIONAL_ORIGIN,
              "ask for the proficiency needed (\"fluent in English\")"),
          new Rule("native speakers", Attribute.NATIONAL_ORIGIN,
              "ask for the proficiency needed (\"fluent in English\")"),
          new Rule("native english", Attribute.NATIONAL_ORIGIN,
              "ask for the proficiency needed (\"fluent in English\")"),
          new Rule("native-level", Attribute.NATIONAL_ORIGIN,
              "ask for the proficiency needed (\"fluent in English\")"),
          new Rule("mother tongue", Attribute.NATIONAL_ORIGIN,
              "ask for the proficiency needed (\"fluent in English\")"),
          new Rule("citizens only", Attribute.NATIONAL_ORIGIN,
              "state work authorisation or the legal clearance the role needs"),
          new Rule("salesman", Attribute.GENDER, "use a neutral title (\"salesperson\")"),
          new Rule("chairman", Attribute.GENDER, "use a neutral title (\"chair\")"),
          new Rule("manpower", Attribute.GENDER, "use \"staffing\" or \"workforce\""),
          new Rule("he or she", Attribute.GENDER, "address the reader as \"you\""),
          new Rule("he will", Attribute.GENDER, "address the reader as \"you\""),
          new Rule("she will", Attribute.GENDER, "address the reader as \"you\""),
          new Rule("waitress", Attribute.GENDER, "use a neutral title (\"server\")"),
          new Rule("married", Attribute.FAMILY_STATUS, "leave family status out"),
          new Rule("no children", Attribute.FAMILY_STATUS, "leave family status out"),
          new Rule("without family commitments", Attribute.FAMILY_STATUS, "leave family status out"),
          new Rule("able-bodied", Attribute.DISABILITY,
              "name the physical task and offer accommodation"),
          new Rule("physically fit", Attribute.DISABILITY,
              "name the physical task and offer accommodation"));

  private static final List<String> EEO_CUES =
      List.of("equal opportunity", "without regard", "regardless of", "discriminat", "protected",
          "affirmative action", "accommodation", "consideration for employment");

  /** Warnings for a text (a posting page, or one requirement sentence). */
  public static List<Warning> check(String text) {
    return check(text, TextLayout.lines(text));
  }

  /** Warnings for a text whose lines the caller has already found ({@link TextLayout#lines}). */
  static List<Warning> check(String text, List<Line> lines) {
    List<Warning> out = new ArrayList<>();
    for (Line line : lines) {
      if (line.blank() || line.content().length() > 20_000
          || line.end() - line.contentStart() < 5) { // shorter than any rule
        continue;
      }
      for (int[] s : TextLayout.sentences(text, line.contentStart(), line.end())) {
        sentence(text, s[0], s[1], out);
      }
    }
    return out;
  }

  private static void sentence(String text, int start, int end, List<Warning> out) {
    if (end - start < 5) {
      return; // shorter than the shortest rule ("young", "age 9")
    }
    String raw = text.substring(start, end);
    String lower = raw.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    for (String cue : EEO_CUES) {
      if (lower.contains(cue)) {
        return;
      }
    }
    Evidence ev = null;
    for (Rule r : RULES) {
      int i = wordIndex(lower, r.phrase());
      if (i >= 0) {
        if (ev == null) {
          ev = new Evidence(TextLayout.collapse(raw), start, end);
        }
        out.add(new Warning(r.attribute(), raw.substring(i, i + r.phrase().length()), ev, r.advice()));
      }
    }
    int age = ageRange(lower);
    if (age >= 0) {
      if (ev == null) {
        ev = new Evidence(TextLayout.collapse(raw), start, end);
      }
      int e = age;
      while (e < raw.length() && e - age < 24 && raw.charAt(e) != '.' && raw.charAt(e) != ',') {
        e++;
      }
      out.add(new Warning(Attribute.AGE, raw.substring(age, e).strip(), ev, AGE_ADVICE));
    }
  }

  /** Offset of "age(d/s) ... NN" with a number within a few characters, or -1. */
  static int ageRange(String lower) {
    for (String w : new String[] {"aged", "ages", "age"}) {
      int i = wordIndex(lower, w);
      if (i < 0) {
        continue;
      }
      int j = i + w.length();
      int limit = Math.min(lower.length(), j + 16);
      for (int k = j; k < limit; k++) {
        if (Character.isDigit(lower.charAt(k))) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Index of {@code phrase} in {@code lower} at word boundaries, or -1. */
  static int wordIndex(String lower, String phrase) {
    int from = 0;
    while (true) {
      int i = lower.indexOf(phrase, from);
      if (i < 0) {
        return -1;
      }
      int e = i + phrase.length();
      boolean a = i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1));
      boolean b = e >= lower.length() || !Character.isLetterOrDigit(lower.charAt(e));
      if (a && b) {
        return i;
      }
      from = i + 1;
    }
  }
}
