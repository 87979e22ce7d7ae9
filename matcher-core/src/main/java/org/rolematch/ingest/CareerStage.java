package org.rolematch.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rolematch.model.EmploymentType;
import org.rolematch.model.Evidence;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;

/**
 * Reads whether a role is an early-career role (an internship, a university or new-grad program,
 * an entry-level or junior position) and states it as one inferred {@link Kind#CAREER_STAGE}
 * clause, with the words it was read from as evidence.
 *
 * <p>Design note. Postings rarely write "for people early in their career" as a qualification;
 * they say it in the title ("Software Engineer, New Grad"), in the role's own prose ("set you up
 * for success at the start of your career") or once for a whole page ("Internship/University
 * Grad/PhD programs" above eight roles). A recruiter reads all three, so this does too, in that
 * order of precedence; a title that says senior, staff, lead or manager, or a requirement of three
 * or more years, overrides every cue. The clause says nothing about age or graduation dates: the
 * scorer judges it by years of professional experience only (see {@code ScoringPolicy}).
 */
final class CareerStage {
  /** The concept id the clause carries. */
  static final String EARLY_CAREER = "early career";

  private static final List<String> TITLE_CUES = List.of(
      "intern", "internship", "co-op", "apprentice", "university grad", "new grad", "graduate",
      "junior", "entry level", "entry-level", "early career", "early-career", "campus");
  private static final List<String> SENIOR_TITLE_WORDS = List.of(
      "senior", "sr", "staff", "principal", "lead", "manager", "director", "head", "architect",
      "distinguished", "vp", "chief", "experienced", "mid-level");
  private static final List<String> PROSE_CUES = List.of(
      "university grad", "new grad program", "new graduate program", "new grads", "graduate program",
      "grad program", "graduate programme", "early career", "early-career", "early in your career",
      "entry level", "entry-level", "start of your career", "start your career",
      "kickstart your career", "kick-start your career", "launch your career",
      "beginning of your career", "campus hire", "university hire");
  private static final List<String> PAGE_SCOPE_WORDS = List.of(
      "program", "programs", "programme", "programmes");
  private static final List<String> PAGE_CUES = List.of(
      "university grad", "new grad", "internship", "intern", "early career", "early-career",
      "graduate", "campus", "student", "students", "entry level", "entry-level");
  private static final int MAX_PAGE_HEADING = 100;
  private static final int SENIOR_YEARS = 3;

  private CareerStage() {}

  /**
   * The early-career clause of one role, if its title, its own text or the page heading says so.
   *
   * @param page the whole page (evidence offsets refer to it), or the role's text alone
   * @param title the role's title
   * @param titleStart where the title is on the page, or -1 when it is not on the page as is
   * @param roleStart start of the role's own text on the page
   * @param roleEnd end of the role's own text on the page
   * @param pageCue what the page says of all its roles, from {@link #pageCue}
   */
  static Optional<Requirement> detect(String page, String title, int titleStart, int roleStart,
      int roleEnd, Optional<Evidence> pageCue, EmploymentType type, List<Requirement> requirements) {
    String t = " " + words(title) + " ";
    for (String w : SENIOR_TITLE_WORDS) {
      if (t.contains(" " + w + " ")) {
        return Optional.empty();
      }
    }
    for (Requirement r : requirements) {
      if (r.kind() == Kind.EXPERIENCE_YEARS && r.minYears() >= SENIOR_YEARS) {
        return Optional.empty();
      }
    }
    for (String cue : TITLE_CUES) {
      if (t.contains(" " + cue + " ")) {
        Evidence ev = titleStart >= 0
            ? new Evidence(title, titleStart, titleStart + title.length()) : Evidence.of(title);
        return Optional.of(clause(ev));
      }
    }
    if (type == EmploymentType.INTERNSHIP) {
      return Optional.of(clause(Evidence.of(title)));
    }
    Optional<Evidence> prose = find(page, roleStart, roleEnd, PROSE_CUES, false);
    if (prose.isPresent()) {
      return Optional.of(clause(prose.get()));
    }
    return pageCue.map(CareerStage::clause);
  }

  /**
   * A heading before the first role that makes the whole page early-career ("Internship/University
   * Grad/PhD programs"), as evidence.
   *
   * @param preambleEnd end of the page's text before its first role (0 when there is none)
   */
  static Optional<Evidence> pageCue(String page, int preambleEnd) {
    return find(page, 0, Math.min(preambleEnd, page.length()), PAGE_CUES, true);
  }

  private static Requirement clause(Evidence ev) {
    return Requirement.anyOf("r", Kind.CAREER_STAGE, Importance.REQUIRED, List.of(EARLY_CAREER),
        ev);
  }

  /**
   * The first line in [from, to) holding one of the cues, as evidence. With {@code heading},
   * only short lines that also name a program count: a navigation link "Students" does not make
   * every role on a page an early-career role, "Internship/University Grad/PhD programs" does.
   */
  private static Optional<Evidence> find(String page, int from, int to, List<String> cues,
      boolean heading) {
    int i = Math.max(0, from);
    while (i < to) {
      int nl = page.indexOf('\n', i);
      int end = nl < 0 || nl > to ? to : nl;
      String line = page.substring(i, end).strip();
      if (!line.isEmpty() && (!heading || line.length() <= MAX_PAGE_HEADING)) {
        String w = " " + words(line) + " ";
        boolean scoped = !heading;
        for (String s : PAGE_SCOPE_WORDS) {
          scoped |= w.contains(" " + s + " ");
        }
        if (scoped) {
          for (String cue : cues) {
            if (w.contains(" " + cue + " ")) {
              return Optional.of(sentence(page, i, end, cue));
            }
          }
        }
      }
      i = end + 1;
    }
    return Optional.empty();
  }

  /**
   * The sentence of the line [from, to) that holds the cue, as evidence: a paragraph of prose
   * says "early career" in one sentence, and that sentence is what an explanation quotes.
   */
  private static Evidence sentence(String page, int from, int to, String cue) {
    String line = page.substring(from, to);
    String lower = line.toLowerCase(Locale.ROOT);
    int at = lower.indexOf(cue);
    int s = 0;
    int e = line.length();
    if (at >= 0) {
      for (int k = at - 1; k > 0; k--) {
        if (line.charAt(k) == ' ' && ".!?".indexOf(line.charAt(k - 1)) >= 0) {
          s = k + 1;
          break;
        }
      }
      for (int k = at + cue.length(); k < line.length(); k++) {
        if (".!?".indexOf(line.charAt(k)) >= 0
            && (k + 1 == line.length() || line.charAt(k + 1) == ' ')) {
          e = k + 1;
          break;
        }
      }
    }
    String text = line.substring(s, e);
    int lead = text.length() - text.stripLeading().length();
    text = text.strip();
    return new Evidence(text, from + s + lead, from + s + lead + text.length());
  }

  /** Lower case; every character that is not a letter, digit or hyphen becomes one space. */
  static String words(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '-') {
        b.append(Character.toLowerCase(c));
        space = false;
      } else if (!space) {
        b.append(' ');
        space = true;
      }
    }
    return b.toString().strip().toLowerCase(Locale.ROOT);
  }
}
