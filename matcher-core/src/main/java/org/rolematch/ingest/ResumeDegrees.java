package org.rolematch.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import org.rolematch.model.Degree;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Evidence;
import org.rolematch.model.Kind;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;
import org.rolematch.text.ConceptExtractor;
import org.rolematch.text.ConceptMention;

/**
 * Reads degrees from resume lines: level, field of study, status and end year.
 *
 * <p>Design note. A degree line is found by a level marker ("Ph.D.", "M.S.", "Bachelor of
 * Science", "MBA", "Associate's"); the field is the words after the marker ("in Computer
 * Science") up to a delimiter, or the major where one is named ("Marketing major"); the status
 * and end year come from "expected 2026", a date range or a single date on the line (or on the
 * school line next to it). Two-letter markers written without dots ("MS", "BA") count only in an
 * education section and never after a comma, where they are US states ("Boston, MA").
 */
final class ResumeDegrees {
  private ResumeDegrees() {}

  /**
   * A degree read from a line, with the period of study used to tell jobs held while studying.
   *
   * @param degree the degree
   * @param studyStart first month of study (stated, or estimated from a nominal length)
   * @param studyEnd last month of study (for a degree in progress: the clock)
   * @param fieldStart offset in the line of the field text, or -1
   * @param fieldEnd offset after it
   * @param schoolStart offset in the line of the school's name, or -1
   * @param schoolEnd offset after it
   */
  record Found(
      Degree degree, YearMonth studyStart, YearMonth studyEnd, int fieldStart, int fieldEnd,
      int schoolStart, int schoolEnd) {}

  /**
   * A level marker found in a line.
   *
   * @param level the level
   * @param start offset of the marker
   * @param end offset after it (and after "of Science" and the like)
   * @param fieldHint a field implied by the marker ("MBA": business administration), or null
   * @param strong whether it counts outside an education section
   */
  record Marker(DegreeLevel level, int start, int end, String fieldHint, boolean strong) {}

  private static final Set<String> PHD = Set.of("phd", "dphil", "edd", "scd", "dsc", "dba");
  private static final Set<String> MASTER =
      Set.of("ms", "msc", "ma", "mba", "meng", "mphil", "mres", "mtech", "mfa", "mph", "mpp",
          "mpa", "mcs", "mse", "msee", "mscs", "mcom", "mst", "mas", "mism", "msds", "mads",
          "mcit", "sm", "mmath", "mstat", "mlitt");
  private static final Set<String> BACHELOR =
      Set.of("bs", "bsc", "ba", "beng", "btech", "bba", "bfa", "bse", "bsee", "bscs", "bcom",
          "bas", "be", "sb", "ab", "bmath", "bcs", "bphil");
  private static final Set<String> ASSOCIATE = Set.of("aa", "as", "aas", "aat");
  /** Written without dots these are ordinary words or states; they need dots or capitals. */
  private static final Set<String> RISKY =
      Set.of("ms", "ma", "ba", "bs", "be", "as", "aa", "sb", "sm", "ab", "me", "mas", "bas",
          "mst", "sc");
  private static final Set<String> NEVER_BARE = Set.of("be", "as", "ab", "sm", "sb", "mas");
  private static final Set<String> OFFICE_WORDS =
      Set.of("excel", "word", "office", "teams", "access", "project", "visio", "powerpoint",
          "outlook", "azure", "dynamics", "sql", "windows", "paint", "publisher", "onenote");
  /** Words after "Bachelor of" / "Master of" that name the degree's type, not its field. */
  private static final Set<String> TYPE_WORDS =
      Set.of("science", "sciences", "arts", "art", "engineering", "technology", "applied",
          "fine", "philosophy", "laws", "letters", "computer", "business", "administration",
          "education", "music", "commerce", "mathematics", "public", "health", "policy",
          "information", "studies");
  private static final Set<String> STOP_WORDS =
      Set.of("expected", "anticipated", "graduated", "graduating", "gpa", "cgpa", "with",
          "minor", "minors", "concentration", "specialization", "specialisation", "honors",
          "honours", "cum", "magna", "summa", "thesis", "dissertation", "at", "from", "class",
          "dean", "deans", "expect", "est", "estimated", "grade", "completed", "conferred",
          "awarded", "candidate", "student", "track", "program", "programme", "degree",
          "coursework", "courses", "relevant", "focus", "major", "emphasis", "option", "until",
          "since", "present", "current", "ongoing", "in-progress", "pursuing", "exp",
          "first", "second", "upper", "lower", "distinction", "merit", "university", "college",
          "institute", "school");
  /** Words between a marker and its field that are neither ("degree", "candidate"). */
  private static final List<String> LEADING_WORDS =
      List.of("degree", "degrees", "candidate", "student", "program", "programme", "course",
          "(ABD)", "ABD", "studies");
  private static final Set<String> IN_PROGRESS_WORDS =
      Set.of("expected", "anticipated", "expect", "exp", "est", "estimated", "pursuing",
          "candidate", "ongoing", "present", "current", "currently", "projected", "student",
          "graduating", "enrolled");
  private static final Set<String> SCHOOL_WORDS =
      Set.of("university", "college", "institute", "school", "academy", "polytechnic",
          "universität", "université", "universidad", "politecnico", "conservatory", "tech");

  /** Level markers in a line, left to right. */
  static List<Marker> markers(String line, boolean educationSection) {
    List<ResumeDates.Tok> t = ResumeDates.tokens(line);
    List<Marker> out = new java.util.ArrayList<>();
    int n = t.size();
    int i = 0;
    while (i < n) {
      ResumeDates.Tok a = t.get(i);
      if (a.type() != ResumeDates.T.WORD) {
        i++;
        continue;
      }
      Marker m = wordMarker(line, t, i);
      if (m == null) {
        m = abbreviation(line, t, i, educationSection);
      }
      if (m != null) {
        out.add(m);
        while (i < n && t.get(i).start() < m.end()) {
          i++;
        }
      } else {
        i++;
      }
    }
    return out;
  }

  /** "Bachelor of Science", "Master's", "Doctor of Philosophy", "Associate of Arts". */
  private static Marker wordMarker(String line, List<ResumeDates.Tok> t, int i) {
    String w = t.get(i).lower();
    int n = t.size();
    DegreeLevel level = null;
    boolean needsQualifier = false;
    switch (w) {
      case "bachelor", "bachelors", "baccalaureate" -> level = DegreeLevel.BACHELOR;
      case "master", "masters" -> {
        level = DegreeLevel.MASTER;
        needsQualifier = w.equals("master");
      }
      case "doctorate", "doctoral" -> level = DegreeLevel.PHD;
      case "doctor" -> {
        if (i + 2 < n && t.get(i + 1).word("of") && t.get(i + 2).word("philosophy")) {
          level = DegreeLevel.PHD;
        }
      }
      case "associate", "associates" -> {
        level = DegreeLevel.ASSOCIATE;
        needsQualifier = true;
      }
      case "diploma", "certificate" -> level = DegreeLevel.OTHER;
      default -> {
        return null;
      }
    }
    if (level == null) {
      return null;
    }
    int j = i + 1;
    // possessive: "Master's", "Bachelor’s"
    boolean possessive = false;
    if (j + 1 < n && (t.get(j).is("'") || t.get(j).is("\u2019")) && t.get(j + 1).word("s")) {
      j += 2;
      possessive = true;
    }
    if (needsQualifier && !possessive) {
      boolean ok = j < n && (t.get(j).word("of") || t.get(j).word("in")
          || t.get(j).word("degree") || t.get(j).word("s"));
      if (w.equals("associates")) {
        ok = j < n && t.get(j).word("degree");
      }
      if (!ok) {
        return null;
      }
    }
    if (level == DegreeLevel.OTHER) {
      // "Certificate in X", "Data Analytics Certificate"; not "Certificate coursework:" or
      // "High School Diploma"
      boolean inOf = j < n && (t.get(j).word("in") || t.get(j).word("of"));
      boolean named = i > 0 && t.get(i - 1).type() == ResumeDates.T.WORD
          && Character.isUpperCase(t.get(i - 1).text().charAt(0))
          && !t.get(i - 1).word("school");
      if (!inOf && !named) {
        return null;
      }
    }
    if (level == DegreeLevel.OTHER && i > 1 && t.get(i - 1).word("school")
        && t.get(i - 2).word("high")) {
      return null;
    }
    int end = t.get(j - 1).end();
    String hint = null;
    // "of Science", "of Business Administration": the degree's type; skip it
    if (j < n && t.get(j).word("of")) {
      int k = j + 1;
      int typeStart = k;
      while (k < n && t.get(k).type() == ResumeDates.T.WORD
          && TYPE_WORDS.contains(t.get(k).lower()) && k - typeStart < 4) {
        k++;
      }
      boolean fieldFollows = k < n && t.get(k).type() == ResumeDates.T.WORD
          && !t.get(k).word("in") && !STOP_WORDS.contains(t.get(k).lower())
          && ResumeDates.month(t.get(k).text()) == null;
      if (k > typeStart && fieldFollows) {
        end = t.get(j).end(); // "Master of Information Systems": all of it is the field
      } else if (k > typeStart) {
        String type = line.substring(t.get(typeStart).start(), t.get(k - 1).end());
        String lower = type.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("science") && !lower.startsWith("arts")
            && !lower.startsWith("art") && !lower.startsWith("applied")
            && !lower.startsWith("fine") && !lower.startsWith("philosophy")
            && !lower.startsWith("laws") && !lower.startsWith("letters")) {
          hint = lower; // "Master of Business Administration", "Bachelor of Engineering"
        }
        end = t.get(k - 1).end();
      }
    } else if (j < n && t.get(j).word("degree")) {
      end = t.get(j).end();
    }
    if (level == DegreeLevel.PHD && w.equals("doctor")) {
      end = t.get(i + 2).end();
    }
    return new Marker(level, t.get(i).start(), end, hint, true);
  }

  /** "Ph.D.", "M.S.", "BSc", "MBA", "B.A.Sc.": letters and dots written together. */
  private static Marker abbreviation(
      String line, List<ResumeDates.Tok> t, int i, boolean educationSection) {
    int n = t.size();
    int j = i;
    StringBuilder compact = new StringBuilder();
    boolean dots = false;
    int end = t.get(i).end();
    while (j < n) {
      ResumeDates.Tok x = t.get(j);
      if (j > i && !(t.get(j - 1).end() == x.start()
          || (t.get(j - 1).is(".") && x.type() == ResumeDates.T.WORD && x.text().length() == 1
              && compact.length() <= 3 && x.start() - t.get(j - 1).end() == 1))) {
        break; // "Ph. D." allows one space after a dot
      }
      if (x.type() == ResumeDates.T.WORD && x.text().length() <= 5) {
        compact.append(x.text());
        end = x.end();
      } else if (x.is(".")) {
        dots = true;
        end = x.end();
      } else {
        break;
      }
      j++;
      if (compact.length() > 6) {
        return null;
      }
    }
    if (j < n && t.get(j).start() == end && t.get(j).type() != ResumeDates.T.PUNCT) {
      return null; // part of a longer word
    }
    String written = compact.toString();
    String key = written.toLowerCase(Locale.ROOT);
    DegreeLevel level;
    if (PHD.contains(key)) {
      level = DegreeLevel.PHD;
    } else if (MASTER.contains(key)) {
      level = DegreeLevel.MASTER;
    } else if (BACHELOR.contains(key)) {
      level = DegreeLevel.BACHELOR;
    } else if (ASSOCIATE.contains(key)) {
      level = DegreeLevel.ASSOCIATE;
    } else {
      return null;
    }
    boolean upper = written.equals(written.toUpperCase(Locale.ROOT));
    boolean mixed = !upper && Character.isUpperCase(written.charAt(0));
    boolean strong;
    if (dots) {
      strong = written.length() >= 2 && Character.isUpperCase(written.charAt(0));
      if (!strong) {
        return null;
      }
    } else if (RISKY.contains(key)) {
      if (!upper || !educationSection || NEVER_BARE.contains(key)) {
        return null;
      }
      strong = false;
      // "Boston, MA": a state after a comma; "MS Excel": software
      int p = t.get(i).start() - 1;
      while (p >= 0 && line.charAt(p) == ' ') {
        p--;
      }
      if (p >= 0 && line.charAt(p) == ',') {
        return null;
      }
      if (i + 1 < n && t.get(i + 1).type() == ResumeDates.T.WORD
          && OFFICE_WORDS.contains(t.get(i + 1).lower())) {
        return null;
      }
    } else {
      if (!(upper || mixed)) {
        return null;
      }
      strong = true;
    }
    String hint = key.equals("mba") ? "business administration" : null;
    return new Marker(level, t.get(i).start(), end, hint, strong);
  }

  // ------------------------------------------------------------------------------------------

  /**
   * Reads the degree of a line that holds a marker.
   *
   * @param line the line (personal data masked)
   * @param marker the marker found in it
   * @param neighbour an adjacent line of the same entry (the school line), or null
   * @param asOf the clock
   */
  static Found read(
      String line, Marker marker, String neighbour, LocalDate asOf, Taxonomy taxonomy,
      ConceptExtractor extractor, Evidence evidence) {
    int[] field = fieldSpan(line, marker);
    if (field != null && schoolLike(line.substring(field[0], segmentEnd(line, field[0])))) {
      field = null; // "Certificate, Capitol Data Academy": that is the school
    }
    if (field == null && marker.level() == DegreeLevel.OTHER) {
      field = wordsBefore(line, marker.start()); // "Data Analytics Certificate"
    }
    int[] major = majorSpan(line);
    if (major != null) {
      field = major;
    }
    String fieldText = field == null ? null : line.substring(field[0], field[1]).strip();
    if ((fieldText == null || fieldText.isEmpty()) && marker.fieldHint() != null) {
      fieldText = marker.fieldHint();
    }
    String fieldId = fieldText == null ? "" : normaliseField(fieldText, taxonomy, extractor);

    // dates and status: the degree line, else its neighbour
    List<ResumeDates.Tok> tokens = ResumeDates.tokens(line);
    List<ResumeDates.Span> spans = ResumeDates.find(tokens);
    if (spans.isEmpty() && neighbour != null) {
      tokens = ResumeDates.tokens(neighbour);
      spans = ResumeDates.find(tokens);
    }
    boolean inProgressWord = false;
    boolean completedWord = false;
    int expectedAt = -1;
    for (ResumeDates.Tok x : tokens) {
      if (x.type() != ResumeDates.T.WORD) {
        continue;
      }
      String w = x.lower();
      if (IN_PROGRESS_WORDS.contains(w)) {
        inProgressWord = true;
        if ((w.equals("expected") || w.equals("anticipated") || w.equals("expect")
            || w.equals("exp") || w.equals("est") || w.equals("estimated")
            || w.equals("projected") || w.equals("graduating")) && expectedAt < 0) {
          expectedAt = x.end();
        }
      } else if (w.equals("progress") || w.equals("completed") || w.equals("graduated")
          || w.equals("conferred") || w.equals("awarded")) {
        if (w.equals("progress")) {
          inProgressWord = true;
        } else {
          completedWord = true;
        }
      }
    }
    ResumeDates.Span endSpan = null;
    boolean expected = false;
    if (expectedAt >= 0) {
      for (ResumeDates.Span s : spans) {
        if (s.start() >= expectedAt) {
          endSpan = s;
          expected = true;
          break;
        }
      }
    }
    ResumeDates.Span range = null;
    for (ResumeDates.Span s : spans) {
      if (s.range()) {
        range = s;
      }
    }
    if (endSpan == null) {
      if (range != null) {
        endSpan = range;
      } else if (!spans.isEmpty()) {
        endSpan = spans.get(spans.size() - 1);
      }
    }
    OptionalInt endYear = OptionalInt.empty();
    YearMonth endMonth = null;
    DegreeStatus status;
    YearMonth clock = YearMonth.from(asOf);
    if (endSpan != null && !endSpan.present()) {
      ResumeDates.Point p = endSpan.range() ? endSpan.to() : endSpan.from();
      endYear = OptionalInt.of(p.first().getYear());
      endMonth = p.precision() == ResumeDates.Precision.YEAR
          ? YearMonth.of(p.first().getYear(), 6) : p.last();
    }
    if (expected || (endSpan != null && endSpan.present() && !completedWord)) {
      status = DegreeStatus.IN_PROGRESS;
    } else if (endMonth != null) {
      status = endMonth.isBefore(clock) ? DegreeStatus.COMPLETED : DegreeStatus.IN_PROGRESS;
      if (status == DegreeStatus.COMPLETED && inProgressWord && !completedWord) {
        status = DegreeStatus.IN_PROGRESS;
      }
    } else {
      status = inProgressWord && !completedWord ? DegreeStatus.IN_PROGRESS
          : DegreeStatus.COMPLETED;
    }
    // period of study
    YearMonth studyEnd = endMonth != null ? endMonth
        : status == DegreeStatus.IN_PROGRESS ? clock : null;
    YearMonth studyStart = null;
    if (range != null) {
      studyStart = range.startMonth();
    } else if (studyEnd != null) {
      studyStart = studyEnd.minusYears(nominalYears(marker.level())).withMonth(1);
    }
    if (studyEnd != null && status == DegreeStatus.IN_PROGRESS && studyEnd.isBefore(clock)) {
      studyEnd = clock;
    }
    int[] school = schoolSpan(line, marker);
    Degree d = new Degree(marker.level(), fieldId, status, endYear, evidence);
    return new Found(d, studyStart, studyEnd, field == null ? -1 : field[0],
        field == null ? -1 : field[1], school == null ? -1 : school[0],
        school == null ? -1 : school[1]);
  }

  static int nominalYears(DegreeLevel level) {
    return switch (level) {
      case PHD -> 5;
      case MASTER -> 2;
      case BACHELOR -> 4;
      case ASSOCIATE -> 2;
      case OTHER -> 1;
    };
  }

  /** The field text after the marker: "in Computer Science" up to a delimiter. */
  static int[] fieldSpan(String line, Marker m) {
    int k = m.end();
    int n = line.length();
    // skip "(B.S.)", "(Hons)", spaces, "in", ",", ":", "-"
    boolean progress = true;
    while (progress && k < n) {
      progress = false;
      while (k < n && (line.charAt(k) == ' ' || line.charAt(k) == ',' || line.charAt(k) == ':'
          || line.charAt(k) == '.' || line.charAt(k) == '\t')) {
        k++;
        progress = true;
      }
      if (k < n && line.charAt(k) == '(') {
        int close = line.indexOf(')', k);
        if (close > 0 && close - k < 20) {
          k = close + 1;
          progress = true;
        }
      }
      if (startsWord(line, k, "in") || startsWord(line, k, "of")) {
        k += 2;
        progress = true;
      }
      for (String w : LEADING_WORDS) {
        if (startsWord(line, k, w)) {
          k += w.length(); // "B.S. degree in ...", "PhD Candidate, Computer Science"
          progress = true;
        }
      }
      if (k + 1 < n && (line.charAt(k) == '-' || line.charAt(k) == '\u2013'
          || line.charAt(k) == '\u2014') && line.charAt(k + 1) == ' ') {
        k += 1;
        progress = true;
      }
    }
    int start = k;
    int end = start;
    int i = start;
    while (i < n) {
      char c = line.charAt(i);
      if (c == ',' || c == ';' || c == '(' || c == '|' || c == '\u2014' || c == '\u2013'
          || c == '\t' || c == '\u00b7' || c == '\u2022' || c == '[') {
        break;
      }
      if (c == '-' && i + 1 < n && line.charAt(i + 1) == ' ') {
        break;
      }
      if (c == ' ' && i + 2 < n && line.charAt(i + 1) == ' ' && line.charAt(i + 2) == ' ') {
        break;
      }
      if (Character.isDigit(c)) {
        break;
      }
      if (Character.isLetter(c) && (i == 0 || !Character.isLetter(line.charAt(i - 1)))) {
        int we = i;
        while (we < n && (Character.isLetter(line.charAt(we)) || line.charAt(we) == '-')) {
          we++;
        }
        String w = line.substring(i, we).toLowerCase(Locale.ROOT);
        if (STOP_WORDS.contains(w) || ResumeDates.month(w) != null) {
          break;
        }
        end = we;
        i = we;
        continue;
      }
      if (c == '.' && (i + 1 >= n || line.charAt(i + 1) == ' ')) {
        break;
      }
      if (!Character.isWhitespace(c) && c != '&' && c != '/' && c != '\'' && c != '.') {
        end = i + 1;
      }
      i++;
    }
    if (end <= start) {
      return null;
    }
    return new int[] {start, end};
  }

  /** Where the segment that starts at {@code from} ends (a comma, bracket, dash, wide gap). */
  static int segmentEnd(String line, int from) {
    int k = from;
    while (k < line.length() && !segmentBreak(line, k)) {
      k++;
    }
    return k;
  }

  static boolean schoolLike(String text) {
    for (String w : ResumeSections.words(text)) {
      if (SCHOOL_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** The one to four words right before {@code end} in the same segment, or null. */
  static int[] wordsBefore(String line, int end) {
    List<ResumeDates.Tok> t = ResumeDates.tokens(line.substring(0, end));
    int k = t.size() - 1;
    int s = -1;
    int e = -1;
    while (k >= 0 && t.get(k).type() == ResumeDates.T.WORD && t.size() - k <= 4
        && !STOP_WORDS.contains(t.get(k).lower())) {
      if (e < 0) {
        e = t.get(k).end();
      }
      s = t.get(k).start();
      k--;
    }
    return s < 0 ? null : new int[] {s, e};
  }

  /** "Marketing major", "major in Marketing", "Major: Marketing", "majoring in Marketing". */
  static int[] majorSpan(String line) {
    List<ResumeDates.Tok> t = ResumeDates.tokens(line);
    for (int i = 0; i < t.size(); i++) {
      ResumeDates.Tok x = t.get(i);
      if (!(x.word("major") || x.word("majoring"))) {
        continue;
      }
      // after: "major in X", "major: X"
      int j = i + 1;
      if (j < t.size() && (t.get(j).word("in") || t.get(j).is(":"))) {
        int s = t.get(j).end();
        int e = s;
        int k = j + 1;
        while (k < t.size() && t.get(k).type() == ResumeDates.T.WORD
            && !STOP_WORDS.contains(t.get(k).lower())) {
          e = t.get(k).end();
          k++;
        }
        if (e > s) {
          while (s < e && line.charAt(s) == ' ') {
            s++;
          }
          return new int[] {s, e};
        }
      }
      // before: "Marketing major"
      int k = i - 1;
      int e = -1;
      int s = -1;
      while (k >= 0 && t.get(k).type() == ResumeDates.T.WORD && i - k <= 4
          && !STOP_WORDS.contains(t.get(k).lower()) && !t.get(k).word("in")) {
        if (e < 0) {
          e = t.get(k).end();
        }
        s = t.get(k).start();
        k--;
      }
      if (s >= 0) {
        return new int[] {s, e};
      }
    }
    return null;
  }

  /** The school's name on the line: the segment with "University", "College", ... */
  static int[] schoolSpan(String line, Marker m) {
    int n = line.length();
    int i = 0;
    while (i < n) {
      int segEnd = i;
      while (segEnd < n && !segmentBreak(line, segEnd)) {
        segEnd++;
      }
      String seg = line.substring(i, segEnd);
      if (!(i <= m.start() && m.start() < segEnd)) {
        for (String w : ResumeSections.words(seg)) {
          if (SCHOOL_WORDS.contains(w)) {
            int a = i;
            int b = segEnd;
            while (a < b && Character.isWhitespace(line.charAt(a))) {
              a++;
            }
            while (b > a && Character.isWhitespace(line.charAt(b - 1))) {
              b--;
            }
            return b > a ? new int[] {a, b} : null;
          }
        }
      }
      i = segEnd + 1;
    }
    return null;
  }

  private static boolean segmentBreak(String s, int k) {
    char c = s.charAt(k);
    if (c == ',' || c == '|' || c == '\u2014' || c == '\u2013' || c == '\t' || c == '\u00b7'
        || c == '(' || c == ')' || c == ';') {
      return true;
    }
    return c == ' ' && k + 2 < s.length() && s.charAt(k + 1) == ' ' && s.charAt(k + 2) == ' ';
  }

  private static boolean startsWord(String s, int k, String w) {
    return s.regionMatches(true, k, w, 0, w.length())
        && (k + w.length() >= s.length() || !Character.isLetter(s.charAt(k + w.length())));
  }

  /**
   * The field as a taxonomy concept id where one names it, else lower-cased as written
   * ("Mathematics and Linguistics" stays "mathematics and linguistics").
   */
  static String normaliseField(String text, Taxonomy taxonomy, ConceptExtractor extractor) {
    String t = text.strip();
    while (t.endsWith(".") || t.endsWith("&") || t.endsWith("/")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    if (t.isEmpty()) {
      return "";
    }
    String id = fieldConcept(taxonomy, t);
    if (id != null) {
      return id;
    }
    List<ConceptMention> ms = extractor.extract(t);
    if (ms.size() == 1 && ms.get(0).start() == 0 && ms.get(0).end() == t.length()) {
      Concept c = taxonomy.concept(ms.get(0).concept()).orElse(null);
      if (c != null && (c.hasKind(Kind.FIELD_OF_STUDY) || c.hasKind(Kind.RESEARCH_AREA))) {
        return c.id();
      }
    }
    StringBuilder b = new StringBuilder();
    for (String w : ResumeDocument.spaceWords(t)) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(w.toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }

  private static String fieldConcept(Taxonomy taxonomy, String text) {
    List<String> ids = taxonomy.lookup(text);
    for (String id : ids) {
      Concept c = taxonomy.concept(id).orElse(null);
      if (c != null && c.hasKind(Kind.FIELD_OF_STUDY)) {
        return id;
      }
    }
    for (String id : ids) {
      Concept c = taxonomy.concept(id).orElse(null);
      if (c != null && c.hasKind(Kind.RESEARCH_AREA)) {
        return id;
      }
    }
    return null;
  }
}
