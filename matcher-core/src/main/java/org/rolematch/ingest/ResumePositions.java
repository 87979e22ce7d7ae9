package org.rolematch.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.rolematch.model.Evidence;
import org.rolematch.model.Position;
import org.rolematch.model.Position.PositionType;

/**
 * Reads dated positions from the lines of experience sections and says how each counts.
 *
 * <p>Design note. A position is a line that is not a bullet and holds a date range ("Jan 2019 –
 * Present", "2016-2020", "06/2021 to 03/2023") or, in an experience section, a single month or
 * season ("Spring 2022"). The rest of the line, split at strong separators (" — ", "|", wide
 * gaps) and commas, gives the title (the piece with a role word: engineer, analyst, intern,
 * ...) and the organisation; a "City, ST" and "(remote)" are dropped. When the dated line has no
 * role word the line above or below it supplies the title.
 *
 * <p>How a position counts (the annotation rules of the evaluation set): a title or note with
 * intern, internship or co-op makes an {@link PositionType#INTERNSHIP}; teaching and research
 * assistantships, tutoring, volunteering, and jobs held while studying (marked part-time, or
 * lying mostly within a period of study and not marked full-time) are {@link
 * PositionType#OTHER}; everything else is {@link PositionType#PROFESSIONAL}.
 */
final class ResumePositions {
  private ResumePositions() {}

  /**
   * A position read from a line, with the offsets of its organisation in the source (to keep
   * employer names out of the skills).
   *
   * @param position the position
   * @param hidden source offsets {start, end} of organisation names, in pairs
   * @param line the index of the line in the reading order
   */
  record Found(Position position, int[] hidden, int line) {}

  private static final Set<String> ROLE_WORDS =
      Set.of("engineer", "engineers", "developer", "scientist", "analyst", "intern", "internship",
          "assistant", "associate", "manager", "consultant", "researcher", "lead", "director",
          "designer", "architect", "specialist", "coordinator", "officer", "administrator",
          "technician", "teacher", "tutor", "instructor", "lecturer", "professor", "fellow",
          "postdoc", "postdoctoral", "volunteer", "founder", "co-founder", "cofounder", "owner",
          "president", "vp", "head", "representative", "advisor", "adviser", "programmer",
          "editor", "writer", "trainee", "apprentice", "co-op", "coop", "clerk", "cashier",
          "barista", "accountant", "auditor", "chair", "sde", "swe", "cto", "ceo", "cfo", "coo",
          "mentor", "grader", "nurse", "operator", "agent", "strategist", "producer", "marketer",
          "planner", "recruiter", "buyer", "secretary", "receptionist", "supervisor", "partner",
          "contractor", "freelancer", "freelance", "staff", "principal", "member", "student",
          "leader", "organizer", "organiser", "captain", "treasurer", "ambassador", "server",
          "bartender", "host", "hostess", "driver", "worker", "crew", "lifeguard", "counselor",
          "counsellor", "technologist", "statistician", "economist", "mathematician",
          "physicist", "chemist", "biologist", "librarian", "journalist", "photographer",
          "translator", "investigator", "coach", "trainer", "instructional", "maintainer",
          "contributor", "sre", "devops", "tester", "qa", "executive",
          "salesperson", "merchandiser", "teller", "banker", "attorney", "lawyer", "paralegal");

  /** Whether a lower-case word names a role ("engineer", "intern", ...). */
  static boolean roleWord(String lower) {
    return ROLE_WORDS.contains(lower);
  }

  private static final Set<String> OTHER_PHRASES =
      Set.of("teaching assistant", "teaching fellow", "research assistant", "graduate assistant",
          "student assistant", "student researcher", "graduate student researcher",
          "teaching associate", "course assistant", "lab assistant", "laboratory assistant",
          "phd student", "phd candidate", "doctoral student", "doctoral candidate",
          "graduate student", "undergraduate researcher", "undergraduate research",
          "peer tutor", "resident assistant", "student worker", "work study", "work-study");

  /**
   * Reads the positions of the lines of experience sections.
   *
   * @param doc the document
   * @param lines indexes (in reading order) of the lines that may hold positions
   * @param sectionOf the section of every line
   * @param studyPeriods periods of study {start, end} as month indexes
   * @param asOf the clock
   */
  static List<Found> read(
      ResumeDocument doc, List<Integer> lines, ResumeSections.Type[] sectionOf,
      boolean[] isHeading, boolean[] isDegreeLine, List<double[]> studyPeriods, LocalDate asOf) {
    List<Found> out = new ArrayList<>();
    java.util.Set<Integer> used = new java.util.HashSet<>();
    for (int pos = 0; pos < lines.size(); pos++) {
      int li = lines.get(pos);
      if (isHeading[li] || isDegreeLine[li]) {
        continue;
      }
      ResumeDocument.Line line = doc.lines.get(li);
      String text = doc.text(line);
      if (ResumeDocument.blank(text) || bullet(text)) {
        continue;
      }
      List<ResumeDates.Tok> tokens = ResumeDates.tokens(text);
      List<ResumeDates.Span> spans = usable(ResumeDates.find(tokens), sectionOf[li]);
      if (spans.isEmpty()) {
        continue;
      }
      String rest = without(text, spans);
      Header h = header(rest);
      StringBuilder context = new StringBuilder(rest);
      List<int[]> hidden = new ArrayList<>();
      h.hide(line.start(), hidden);
      String title = h.title;
      String organisation = h.organisation;
      String notes = h.notes;
      // the title or organisation on the line above or below
      if (!h.hasRole || h.organisation.isEmpty()) {
        int prev = neighbour(doc, li, -1, sectionOf, isHeading, used);
        int next = neighbour(doc, li, 1, sectionOf, isHeading, used);
        Header ph = prev >= 0 ? header(doc.text(doc.lines.get(prev))) : null;
        Header nh = next >= 0 ? header(doc.text(doc.lines.get(next))) : null;
        Header other = null;
        int otherLine = -1;
        if (!h.hasRole) {
          if (ph != null && ph.hasRole) {
            other = ph;
            otherLine = prev;
          } else if (nh != null && nh.hasRole) {
            other = nh;
            otherLine = next;
          } else if (h.title.isEmpty() && ph != null) {
            other = ph;
            otherLine = prev;
          }
          if (other != null) {
            // this line holds the organisation (or nothing), the other the title
            organisation = h.title.isEmpty() ? other.organisation : h.title;
            title = other.title;
          }
        } else if (ph != null && !ph.hasRole && !ph.title.isEmpty()) {
          other = ph;
          otherLine = prev;
          organisation = ph.title;
        }
        if (other != null) {
          used.add(otherLine);
          context.append(' ').append(doc.text(doc.lines.get(otherLine)));
          notes = concat(notes, other.notes);
          other.hide(doc.lines.get(otherLine).start(), hidden);
        }
      }
      String all = (context + " " + notes).toLowerCase(Locale.ROOT);
      for (ResumeDates.Span span : spans) {
        YearMonth start = span.startMonth();
        YearMonth end = span.endMonth();
        if (end != null && end.isBefore(start)) {
          end = start; // "Aug 2023 – Jan 2023": keep the position, one month long
        }
        PositionType type = type(all, title, sectionOf[li], start, end, studyPeriods, asOf);
        int[] flat = new int[hidden.size() * 2];
        for (int k = 0; k < hidden.size(); k++) {
          flat[2 * k] = hidden.get(k)[0];
          flat[2 * k + 1] = hidden.get(k)[1];
        }
        Evidence ev = evidence(doc, line, text);
        out.add(new Found(new Position(title, organisation, start, Optional.ofNullable(end),
            type, ev), flat, li));
      }
    }
    return out;
  }

  /** Ranges, and in experience sections single months and seasons (and years alone). */
  private static List<ResumeDates.Span> usable(
      List<ResumeDates.Span> spans, ResumeSections.Type section) {
    List<ResumeDates.Span> out = new ArrayList<>();
    for (ResumeDates.Span s : spans) {
      if (s.range()) {
        out.add(s);
      }
    }
    if (!out.isEmpty() || section == ResumeSections.Type.NONE) {
      return out;
    }
    for (ResumeDates.Span s : spans) {
      if (s.from().precision() != ResumeDates.Precision.YEAR || spans.size() == 1) {
        out.add(s);
      }
    }
    return out;
  }

  static boolean bullet(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    if (i >= line.length()) {
      return false;
    }
    char c = line.charAt(i);
    if (c == '-' || c == '\u2022' || c == '*' || c == '\u00b7' || c == '\u25e6' || c == '\u25aa'
        || c == '\u2023' || c == '\u2013' || c == '\u2192' || c == '>' || c == '\u25cf'
        || c == '\u25a0' || c == '\u2043' || c == '\u2219' || c == '+' || c == '\uf0b7') {
      return true;
    }
    // "1." "2)" as list numbering
    int j = i;
    while (j < line.length() && Character.isDigit(line.charAt(j)) && j - i < 3) {
      j++;
    }
    return j > i && j < line.length() && (line.charAt(j) == '.' || line.charAt(j) == ')')
        && j + 1 < line.length() && line.charAt(j + 1) == ' ';
  }

  /** The line with the date spans (and brackets left empty by them) blanked out. */
  private static String without(String text, List<ResumeDates.Span> spans) {
    char[] c = text.toCharArray();
    for (ResumeDates.Span s : spans) {
      for (int k = s.start(); k < s.end(); k++) {
        c[k] = ' ';
      }
    }
    return new String(c);
  }

  /**
   * The header of a position: title, organisation, notes in brackets ("co-op", "remote"), and
   * where the title and the organisations lie in the line (to hide them from skill extraction:
   * "Teaching Assistant" is a role, not the skill "teaching").
   */
  static final class Header {
    final String title;
    final String organisation;
    final String notes;
    final boolean hasRole;
    /** Line offsets {start, end} of the title and of every other piece. */
    final List<int[]> spans;

    Header(String title, String organisation, String notes, boolean hasRole, List<int[]> spans) {
      this.title = title;
      this.organisation = organisation;
      this.notes = notes;
      this.hasRole = hasRole;
      this.spans = spans;
    }

    void hide(int base, List<int[]> out) {
      for (int[] s : spans) {
        out.add(new int[] {base + s[0], base + s[1]});
      }
    }
  }

  private static String concat(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
  }

  /** Splits the undated rest of a position line into title, organisation and notes. */
  static Header header(String rest) {
    List<int[]> pieces = new ArrayList<>();
    StringBuilder notes = new StringBuilder();
    int n = rest.length();
    int segStart = 0;
    for (int i = 0; i <= n; i++) {
      boolean brk = i == n || strongBreak(rest, i);
      if (!brk) {
        continue;
      }
      splitSegment(rest, segStart, i, pieces, notes);
      if (i < n && rest.startsWith(" at ", i)) {
        segStart = i + 4; // "Data Engineer at Quillfeather Media"
        i += 3;
      } else if (i < n && rest.charAt(i) == ' ') {
        int skip = i;
        while (skip < n && rest.charAt(skip) == ' ') {
          skip++;
        }
        segStart = skip;
        i = skip - 1;
      } else {
        segStart = i + 1;
      }
    }
    int titleIdx = -1;
    for (int k = 0; k < pieces.size(); k++) {
      if (hasRoleWord(rest.substring(pieces.get(k)[0], pieces.get(k)[1]))) {
        titleIdx = k;
        break;
      }
    }
    boolean hasRole = titleIdx >= 0;
    String noteText = notes.toString().strip();
    if (pieces.isEmpty()) {
      return new Header("", "", noteText, false, List.of());
    }
    if (titleIdx < 0) {
      titleIdx = 0;
    }
    int orgIdx = titleIdx == 0 ? (pieces.size() > 1 ? 1 : -1) : 0;
    String title = clean(rest.substring(pieces.get(titleIdx)[0], pieces.get(titleIdx)[1]));
    String org = orgIdx < 0 ? ""
        : clean(rest.substring(pieces.get(orgIdx)[0], pieces.get(orgIdx)[1]));
    return new Header(title, org, noteText, hasRole, List.copyOf(pieces));
  }

  private static boolean strongBreak(String s, int i) {
    char c = s.charAt(i);
    if (c == '|' || c == '\u2014' || c == '\u00b7' || c == '\u2022' || c == '\t' || c == '@') {
      return true;
    }
    if ((c == '\u2013' || c == '-') && i > 0 && s.charAt(i - 1) == ' ' && i + 1 < s.length()
        && s.charAt(i + 1) == ' ') {
      return true;
    }
    if (c == ' ' && i + 2 < s.length() && s.charAt(i + 1) == ' ' && s.charAt(i + 2) == ' ') {
      return true;
    }
    return c == ' ' && s.startsWith(" at ", i) && i > 0;
  }

  /**
   * Splits one strong segment into comma pieces, moving bracketed notes to {@code notes} and
   * dropping a trailing "City, ST" and "Remote".
   */
  private static void splitSegment(
      String s, int from, int to, List<int[]> pieces, StringBuilder notes) {
    // bracketed notes
    char[] c = s.substring(from, to).toCharArray();
    int depth = 0;
    int open = -1;
    for (int k = 0; k < c.length; k++) {
      if (c[k] == '(' || c[k] == '[') {
        if (depth == 0) {
          open = k;
        }
        depth++;
      } else if ((c[k] == ')' || c[k] == ']') && depth > 0) {
        depth--;
        if (depth == 0) {
          notes.append(' ').append(s, from + open + 1, from + k);
          for (int q = open; q <= k; q++) {
            c[q] = ' ';
          }
        }
      }
    }
    if (depth > 0 && open >= 0) {
      notes.append(' ').append(new String(c, open + 1, c.length - open - 1));
      for (int q = open; q < c.length; q++) {
        c[q] = ' ';
      }
    }
    String seg = new String(c);
    int[] loc = ResumeLocation.findSpan(seg);
    while (loc != null) {
      notes.append(' ').append(seg, loc[0], loc[1]);
      char[] cc = seg.toCharArray();
      for (int q = loc[0]; q < loc[1]; q++) {
        cc[q] = ' ';
      }
      seg = new String(cc);
      loc = ResumeLocation.findSpan(seg);
    }
    int k = 0;
    while (k <= seg.length()) {
      int e = seg.indexOf(',', k);
      if (e < 0) {
        e = seg.length();
      }
      int a = k;
      int b = e;
      while (a < b && !Character.isLetterOrDigit(seg.charAt(a))) {
        a++;
      }
      while (b > a && !(Character.isLetterOrDigit(seg.charAt(b - 1)) || seg.charAt(b - 1) == '.'
          || seg.charAt(b - 1) == '+' || seg.charAt(b - 1) == '#')) {
        b--;
      }
      if (b > a) {
        String piece = seg.substring(a, b).toLowerCase(Locale.ROOT);
        if (piece.equals("remote") || piece.equals("hybrid") || piece.equals("on-site")
            || piece.equals("onsite") || piece.equals("full-time") || piece.equals("part-time")
            || piece.equals("full time") || piece.equals("part time")
            || piece.equals("contract") || piece.equals("co-op") || piece.equals("internship")) {
          notes.append(' ').append(piece);
        } else {
          pieces.add(new int[] {from + a, from + b});
        }
      }
      k = e + 1;
    }
  }

  static boolean hasRoleWord(String s) {
    for (String w : ResumeSections.words(s)) {
      if (ROLE_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static String clean(String s) {
    StringBuilder b = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
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

  /** The nearest line above or below that can complete a position header, or -1. */
  private static int neighbour(
      ResumeDocument doc, int li, int dir, ResumeSections.Type[] sectionOf, boolean[] isHeading,
      java.util.Set<Integer> used) {
    int k = li + dir;
    if (k < 0 || k >= doc.lines.size() || isHeading[k] || used.contains(k)
        || sectionOf[k] != sectionOf[li]) {
      return -1;
    }
    String t = doc.text(doc.lines.get(k));
    if (ResumeDocument.blank(t) || bullet(t) || t.strip().length() > 120) {
      return -1;
    }
    List<ResumeDates.Span> spans = ResumeDates.find(t);
    for (ResumeDates.Span s : spans) {
      if (s.range() || s.from().precision() != ResumeDates.Precision.YEAR) {
        return -1; // a position line of its own
      }
    }
    // a sentence is a description, not a header
    String st = t.strip();
    if (st.endsWith(".") && ResumeDocument.spaceWords(st).size() > 8) {
      return -1;
    }
    return k;
  }

  private static Evidence evidence(ResumeDocument doc, ResumeDocument.Line line, String text) {
    int a = 0;
    int b = text.length();
    while (a < b && Character.isWhitespace(text.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
      b--;
    }
    String shown = clean(text.substring(a, b));
    if (doc.hasPersonal(line.start() + a, line.start() + b)) {
      return Evidence.of(shown); // the masked text differs from the source: no offsets
    }
    return new Evidence(shown, line.start() + a, line.start() + b);
  }

  /** How a position counts; see the class comment. */
  static PositionType type(
      String context, String title, ResumeSections.Type section, YearMonth start, YearMonth end,
      List<double[]> studyPeriods, LocalDate asOf) {
    List<String> words = ResumeSections.words(context);
    String joined = " " + String.join(" ", words) + " ";
    if (section == ResumeSections.Type.INTERNSHIPS || words.contains("intern")
        || words.contains("interns") || words.contains("internship") || words.contains("co-op")
        || words.contains("coop") || joined.contains(" co op ")) {
      return PositionType.INTERNSHIP;
    }
    if (section == ResumeSections.Type.VOLUNTEER || words.contains("volunteer")
        || words.contains("volunteering")) {
      return PositionType.OTHER;
    }
    String titleJoined = " " + String.join(" ", ResumeSections.words(title)) + " ";
    for (String p : OTHER_PHRASES) {
      if (titleJoined.contains(" " + p + " ")) {
        return PositionType.OTHER;
      }
    }
    for (String w : ResumeDocument.spaceWords(title)) {
      if (w.equals("TA") || w.equals("RA") || w.equals("GTA") || w.equals("GRA")) {
        return PositionType.OTHER;
      }
    }
    List<String> tw = ResumeSections.words(title);
    if (tw.contains("tutor") || tw.contains("grader")) {
      return PositionType.OTHER;
    }
    boolean partTime = joined.contains(" part-time ") || joined.contains(" part time ");
    boolean fullTime = joined.contains(" full-time ") || joined.contains(" full time ");
    double[] iv = ResumeDates.interval(start, end, asOf);
    if (iv == null || fullTime) {
      return PositionType.PROFESSIONAL;
    }
    double len = iv[1] - iv[0];
    double during = 0;
    for (double[] p : studyPeriods) {
      during = Math.max(during, Math.min(iv[1], p[1]) - Math.max(iv[0], p[0]));
    }
    if (partTime && during > 0) {
      return PositionType.OTHER;
    }
    if (during * 2 > len) {
      return PositionType.OTHER;
    }
    return PositionType.PROFESSIONAL;
  }

  /** Years of professional experience: the union of professional intervals, in years. */
  static double years(List<Position> positions, LocalDate asOf) {
    List<double[]> ivs = new ArrayList<>();
    for (Position p : positions) {
      if (p.type() != PositionType.PROFESSIONAL) {
        continue;
      }
      double[] iv = ResumeDates.interval(p.start(), p.end().orElse(null), asOf);
      if (iv != null) {
        ivs.add(iv);
      }
    }
    return ResumeDates.unionMonths(ivs) / 12.0;
  }
}
