package org.rolematch.ingest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rolematch.model.Evidence;
import org.rolematch.model.Kind;
import org.rolematch.model.Skill;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;
import org.rolematch.text.ConceptExtractor;
import org.rolematch.text.ConceptMention;

/**
 * Turns the concept mentions of a resume into skills with evidence and, where the text states
 * them, years ("5 years of Python", "Java (8 years)").
 *
 * <p>Design note. The whole resume in reading order goes through the shared {@link
 * ConceptExtractor} once, after personal data (masked by {@link ResumeDocument}) and the names
 * of employers, schools and degree fields (hidden by the caller) are blanked: "Snowflake Inc."
 * as an employer is not the skill "snowflake", and a degree's field is a degree fact. A
 * concept's evidence is the line it was first found on (without bullet marks), or only the
 * mention itself where the line held masked personal data or an author list.
 */
final class ResumeConcepts {
  private ResumeConcepts() {}

  static final int MAX_EVIDENCE = 120;
  static final int MAX_STATEMENTS = 16;
  /** Longest piece of a line given to the extractor in one call. */
  static final int EXTRACT_PIECE = 240;

  private static final Set<String> FORWARD =
      Set.of("of", "in", "with", "using", "working", "experience", "experienced", "programming",
          "developing", "building", "writing", "coding", "professional", "hands", "hands-on",
          "industry", "applying", "doing", "leading", "practicing", "practice", "designing",
          "teaching", "researching", "research");
  private static final Set<String> YEAR_WORDS = Set.of("years", "year", "yrs", "yr", "y");

  /** The kind under which a concept enters a profile, or null when it is no skill. */
  static Kind skillKind(Concept c) {
    if (c.kind().isConceptKind()) {
      return c.kind();
    }
    for (Kind k : c.alsoKinds()) {
      if (k.isConceptKind()) {
        return k;
      }
    }
    return null;
  }

  /**
   * Reads the skills.
   *
   * @param doc the document (personal data masked)
   * @param order line indexes in reading order
   * @param hidden source offsets blanked for extraction only (employers, schools, fields)
   * @param evidenceOnlySurface lines whose evidence must be the mention alone (author lists)
   */
  static List<Skill> read(
      ResumeDocument doc, List<Integer> order, BitSet hidden, BitSet evidenceOnlySurface,
      ConceptExtractor extractor) {
    Taxonomy taxonomy = extractor.taxonomy();
    Map<String, Skill> skills = new LinkedHashMap<>();
    for (int li : order) {
      ResumeDocument.Line line = doc.lines.get(li);
      char[] c = new char[line.length()];
      for (int p = line.start(); p < line.end(); p++) {
        c[p - line.start()] = hidden.get(p) ? ' ' : doc.masked[p];
      }
      String lineText = new String(c);
      if (ResumeDocument.blank(lineText)) {
        continue;
      }
      List<double[]> statements = null;
      // pieces of a bounded length: the extractor's list-context pass is not linear in the
      // number of mentions, so no call may see an unbounded run of them
      int from = 0;
      while (from < lineText.length()) {
        int to = Math.min(lineText.length(), from + EXTRACT_PIECE);
        if (to < lineText.length()) {
          to = cut(lineText, from, to);
        }
        List<ConceptMention> mentions = extractor.extract(lineText.substring(from, to));
        for (ConceptMention m : mentions) {
          Concept concept = taxonomy.concept(m.concept()).orElse(null);
          if (concept == null) {
            continue;
          }
          Kind kind = skillKind(concept);
          if (kind == null) {
            continue;
          }
          int localStart = from + m.start();
          int localEnd = from + m.end();
          if (namesAGroup(lineText, localEnd)) {
            continue; // "with product and ML teams": a team's field, not the candidate's skill
          }
          if (statements == null) {
            statements = yearStatements(lineText);
          }
          double years = yearsFor(lineText, statements, localStart, localEnd);
          Skill prior = skills.get(concept.id());
          if (prior != null) {
            if (years > prior.years()) {
              skills.put(concept.id(),
                  new Skill(concept.id(), prior.kind(), years, prior.evidence()));
            }
            continue;
          }
          Evidence ev = evidence(doc, line, localStart, localEnd, m.surface(),
              evidenceOnlySurface.get(li));
          skills.put(concept.id(), new Skill(concept.id(), kind, years, ev));
        }
        from = to;
      }
    }
    return new ArrayList<>(skills.values());
  }

  private static final java.util.Set<String> GROUP_WORDS = java.util.Set.of(
      "team", "teams", "group", "groups", "org", "orgs", "organization", "organisation",
      "department", "partners", "stakeholders", "engineers", "scientists", "researchers",
      "leadership", "leaders", "counterparts", "association", "society", "board", "committee",
      "council", "foundation", "chapter");

  /**
   * Whether the word right after a mention names a group of people or a body ("ML teams",
   * "American Marketing Association", "the volunteer board").
   */
  static boolean namesAGroup(String line, int end) {
    int i = end;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    int j = i;
    while (j < line.length() && Character.isLetter(line.charAt(j)) && j - i < 16) {
      j++;
    }
    return j > i && GROUP_WORDS.contains(line.substring(i, j).toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Where to end a piece that may not reach beyond {@code to}: after the last list separator
   * (",", ";", "·", "|") in its second half, else at the last space, else at {@code to}; a
   * multi-word alias ("statistical modeling") is never cut in two at a separator.
   */
  static int cut(String s, int from, int to) {
    int half = from + (to - from) / 2;
    for (int k = to - 1; k > half; k--) {
      char c = s.charAt(k);
      if (c == ',' || c == ';' || c == '\u00b7' || c == '|' || c == '\u2022') {
        return k + 1;
      }
    }
    for (int k = to; k > half; k--) {
      if (Character.isWhitespace(s.charAt(k))) {
        return k;
      }
    }
    return to;
  }

  private static Evidence evidence(
      ResumeDocument doc, ResumeDocument.Line line, int localStart, int localEnd,
      String surface, boolean surfaceOnly) {
    int s = line.start() + localStart;
    int e = line.start() + localEnd;
    if (surfaceOnly || doc.hasPersonal(line.start(), line.end())) {
      return new Evidence(surface, s, e);
    }
    String t = doc.source.substring(line.start(), line.end());
    int a = 0;
    int b = t.length();
    while (a < b && (Character.isWhitespace(t.charAt(a)) || isBulletMark(t.charAt(a)))) {
      a++;
    }
    while (b > a && Character.isWhitespace(t.charAt(b - 1))) {
      b--;
    }
    if (a > localStart) {
      a = localStart;
    }
    if (b - a > MAX_EVIDENCE) {
      int from = Math.max(a, localStart - MAX_EVIDENCE / 2);
      int to = Math.min(b, Math.max(localEnd, from + MAX_EVIDENCE));
      while (from > a && from < localStart && !Character.isWhitespace(t.charAt(from - 1))) {
        from++;
      }
      while (to < b && to > localEnd && !Character.isWhitespace(t.charAt(to))) {
        to--;
      }
      a = Math.min(from, localStart);
      b = Math.max(to, localEnd);
    }
    return new Evidence(collapse(t.substring(a, b)), line.start() + a, line.start() + b);
  }

  private static boolean isBulletMark(char c) {
    return c == '-' || c == '\u2022' || c == '*' || c == '\u00b7' || c == '\u25e6'
        || c == '\u25aa' || c == '\u25cf' || c == '\u2013' || c == '>' || c == '\uf0b7';
  }

  static String collapse(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = b.length() > 0;
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.append(c);
    }
    return b.toString();
  }

  // ------------------------------------------------------------------------------------------
  // years

  /**
   * Statements of years in a line: {value, start, end, forward (1) or backward (0)}. "5 years of
   * Python" reads forward, "Python (5 years)" backward.
   */
  static List<double[]> yearStatements(String line) {
    List<double[]> out = new ArrayList<>();
    List<ResumeDates.Tok> t = ResumeDates.tokens(line);
    for (int i = 0; i < t.size(); i++) {
      ResumeDates.Tok a = t.get(i);
      if (a.type() == ResumeDates.T.PUNCT) {
        continue;
      }
      int v = ResumePublications.number(a.text());
      if (v <= 0 || v > 60 || a.text().equalsIgnoreCase("a") || a.text().equalsIgnoreCase("an")) {
        continue;
      }
      int j = i + 1;
      // "3-5 years": the lower bound
      if (j + 1 < t.size() && t.get(j).is("-") && t.get(j + 1).type() == ResumeDates.T.NUM) {
        j += 2;
      }
      if (j < t.size() && (t.get(j).is("+") || t.get(j).word("plus"))) {
        j++;
      }
      if (j < t.size() && t.get(j).is("-")) {
        j++; // "5-year"
      }
      if (j >= t.size() || t.get(j).type() != ResumeDates.T.WORD
          || !YEAR_WORDS.contains(t.get(j).lower())) {
        continue;
      }
      if (t.get(j).lower().equals("y") && t.get(j).start() != t.get(j - 1).end()) {
        continue;
      }
      int after = j + 1;
      if (after < t.size() && (t.get(after).is("'") || t.get(after).is("\u2019"))) {
        after++;
      }
      boolean forward = after < t.size() && t.get(after).type() == ResumeDates.T.WORD
          && FORWARD.contains(t.get(after).lower());
      out.add(new double[] {v, a.start(), t.get(j).end(), forward ? 1 : 0});
      if (out.size() >= MAX_STATEMENTS) {
        break; // a line is one sentence or list; more statements are noise
      }
      i = j;
    }
    return out;
  }

  /** Years that a statement in the line gives the mention at [start, end), or 0. */
  static double yearsFor(String line, List<double[]> statements, int start, int end) {
    double best = 0;
    for (double[] st : statements) {
      int ss = (int) st[1];
      int se = (int) st[2];
      if (st[3] == 1 && se <= start) {
        boolean clause = true;
        for (int k = se; k < start; k++) {
          char c = line.charAt(k);
          if (c == '.' || c == ';' || c == '|' || c == '\u2022' || c == '\u00b7') {
            if (c == '.' && k + 1 < line.length() && !Character.isWhitespace(line.charAt(k + 1))) {
              continue; // "Node.js"
            }
            clause = false;
            break;
          }
        }
        for (double[] other : statements) {
          if (other != st && other[1] >= se && other[1] < start) {
            clause = false;
          }
        }
        if (clause) {
          best = st[0];
        }
      } else if (st[3] == 0 && ss >= end && ss - end <= 4) {
        boolean gap = true;
        for (int k = end; k < ss; k++) {
          char c = line.charAt(k);
          if (!(c == ' ' || c == '(' || c == ':' || c == '-' || c == '\u2013' || c == ','
              || c == '[' || c == '\u2014')) {
            gap = false;
          }
        }
        if (gap) {
          return st[0];
        }
      }
    }
    return best;
  }
}
