package org.rolematch.ingest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A resume's text as lines in reading order, with personal data masked.
 *
 * <p>Design note. Every later stage reads {@link #text(Line)}, the line with personal data
 * replaced by spaces, so a name, an e-mail address, a phone number or a URL can never become a
 * position title, a location, a skill or a skill's evidence. Masking is by offsets, so the
 * offsets of every line stay offsets into the original document and evidence can point into it.
 *
 * <p>What is masked:
 *
 * <ul>
 *   <li>the name: the first segment of the first line when it reads as a name, everywhere it
 *       recurs in full; each of its words in the header, publication lists and activities ("T.
 *       Lind"); elsewhere the surname where it is capitalised (not when it is a month name);
 *   <li>e-mail addresses, URLs and domain-like handles ("github.com/x"), phone numbers;
 *   <li>lines labelled with personal facts ("Phone:", "Date of birth:", "Nationality:",
 *       "Marital status:", "Gender:", "Address:", ...), from the label to the end of the line.
 * </ul>
 *
 * <p>Long lines are cut into pieces of at most {@code maxLineChars} characters (at a space when
 * there is one), so that no later scan ever runs over an unbounded line. Text laid out in two
 * columns (a PDF dump) is read column by column when a consistent gutter is found.
 */
final class ResumeDocument {

  /**
   * One line (or a piece of a long line, or one column of a two-column line).
   *
   * @param number 1-based line number in the source
   * @param start offset in the source of the first character
   * @param end offset in the source after the last character
   */
  record Line(int number, int start, int end) {
    int length() {
      return end - start;
    }
  }

  private static final Set<String> PERSONAL_LABELS =
      Set.of("email", "e-mail", "mail", "phone", "tel", "telephone", "mobile", "cell", "fax",
          "address", "home address", "date of birth", "birth date", "birthdate", "dob", "born",
          "birthday", "age", "gender", "sex", "nationality", "citizenship", "marital status",
          "family status", "religion", "photo", "picture", "linkedin", "github", "website",
          "homepage", "twitter", "name", "full name", "pronouns", "skype",
          "whatsapp", "telegram", "contact", "place of birth", "passport", "social security",
          "ssn", "children", "height", "weight", "race", "ethnicity", "veteran status",
          "disability");

  private static final Set<String> URL_SUFFIXES =
      Set.of("com", "org", "edu", "io", "dev", "me", "net", "ai", "co", "info", "app", "page",
          "site", "xyz", "tech", "us", "uk", "de", "ca", "eu", "fr", "nl", "in", "au");

  private static final Set<String> NOT_NAME =
      Set.of("resume", "résumé", "curriculum", "vitae", "cv", "profile", "contact");

  final String source;
  final char[] masked;
  final BitSet personal;
  final List<Line> lines;
  final boolean twoColumns;
  final int longLines;
  /** The name tokens found (never exposed; used only to mask). */
  private final List<String> nameTokens = new ArrayList<>();

  /** Words that name a taxonomy concept ("Julia", "Hadoop"): a name word that is one stays. */
  private final Predicate<String> conceptWord;

  private ResumeDocument(String source, int maxLineChars, List<String> knownName,
      Predicate<String> conceptWord) {
    this.conceptWord = conceptWord;
    this.source = source;
    this.masked = source.toCharArray();
    this.personal = new BitSet(source.length());
    List<Line> physical = new ArrayList<>();
    int count = 0;
    int lineNo = 0;
    int i = 0;
    int n = source.length();
    while (i <= n) {
      int j = source.indexOf('\n', i);
      if (j < 0) {
        j = n;
      }
      lineNo++;
      int e = j;
      if (e > i && source.charAt(e - 1) == '\r') {
        e--;
      }
      if (e - i > maxLineChars) {
        count++;
        int s = i;
        while (e - s > maxLineChars) {
          int cut = s + maxLineChars;
          int back = cut;
          while (back > s + maxLineChars / 2 && !Character.isWhitespace(source.charAt(back))) {
            back--;
          }
          if (back > s + maxLineChars / 2) {
            cut = back;
          }
          physical.add(new Line(lineNo, s, cut));
          s = cut;
        }
        physical.add(new Line(lineNo, s, e));
      } else {
        physical.add(new Line(lineNo, i, e));
      }
      if (j >= n) {
        break;
      }
      i = j + 1;
    }
    this.longLines = count;
    int gutter = gutter(physical);
    this.twoColumns = gutter > 0;
    this.lines = twoColumns ? splitColumns(physical, gutter) : physical;
    maskContacts();
    maskLabelled();
    if (knownName == null) {
      maskName();
    } else {
      for (String w : knownName) {
        String t = trimDots(w);
        if (t.length() >= 2 && !HONORIFICS.contains(t.toLowerCase(Locale.ROOT))) {
          nameTokens.add(t);
        }
      }
      if (!nameTokens.isEmpty()) {
        maskNameRecurrences();
      }
    }
  }

  /** A plain-text resume: the name is guessed from its first line. */
  static ResumeDocument of(String source, int maxLineChars) {
    return of(source, maxLineChars, w -> false);
  }

  /**
   * A plain-text resume whose given name is left unmasked outside the header where it is also a
   * concept ({@code conceptWord}, e.g. a taxonomy alias such as "Julia"), so that a name never
   * costs a candidate a skill.
   */
  static ResumeDocument of(String source, int maxLineChars, Predicate<String> conceptWord) {
    return new ResumeDocument(source, maxLineChars, null, conceptWord);
  }

  /**
   * Text whose author's name is known (JSON Resume {@code basics.name}): no line is taken for a
   * name; the known name's words are masked wherever they occur.
   */
  static ResumeDocument withKnownName(String source, int maxLineChars, List<String> name) {
    return withKnownName(source, maxLineChars, name, w -> false);
  }

  /** See {@link #withKnownName(String, int, List)} and {@link #of(String, int, Predicate)}. */
  static ResumeDocument withKnownName(String source, int maxLineChars, List<String> name,
      Predicate<String> conceptWord) {
    return new ResumeDocument(source, maxLineChars, List.copyOf(name), conceptWord);
  }

  /** The line's text with personal data masked. */
  String text(Line l) {
    return new String(masked, l.start(), l.end() - l.start());
  }

  /** Whether any character of the span was masked as personal data. */
  boolean hasPersonal(int start, int end) {
    int k = personal.nextSetBit(start);
    return k >= 0 && k < end;
  }

  /** The words of {@code s} split at runs of whitespace (hand-written; no regular expression). */
  static List<String> spaceWords(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\u00a0')) {
        i++;
      }
      int j = i;
      while (j < n && !(Character.isWhitespace(s.charAt(j)) || s.charAt(j) == '\u00a0')) {
        j++;
      }
      if (j > i) {
        out.add(s.substring(i, j));
      }
      i = j;
    }
    return out;
  }

  static boolean blank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '\u00a0') {
        return false;
      }
    }
    return true;
  }

  private void mask(int start, int end) {
    for (int k = start; k < end; k++) {
      if (!Character.isWhitespace(masked[k]) || masked[k] == '\u00a0') {
        masked[k] = ' ';
      }
    }
    if (end > start) {
      personal.set(start, end);
    }
  }

  // ------------------------------------------------------------------------------------------
  // two columns

  private static final int MIN_GUTTER_COLUMN = 15;
  private static final int MAX_COLUMN_SCAN = 300;
  private static final int MAX_COLUMN_LINES = 5_000;

  /**
   * The column of a gutter between two text columns, or -1. A gutter is a column that a run of
   * three or more spaces covers, with text on both sides, on at least 30% of the non-blank lines
   * (and at least five), and that text crosses on at most 15% of them; pieces on its right must
   * not all be dates ("... Aug 2021 – present" aligned right is one column, not two).
   */
  private int gutter(List<Line> physical) {
    if (physical.size() > MAX_COLUMN_LINES) {
      return -1;
    }
    int width = 0;
    int nonBlank = 0;
    for (Line l : physical) {
      if (!blank(source.substring(l.start(), l.end()))) {
        nonBlank++;
        width = Math.max(width, Math.min(l.length(), MAX_COLUMN_SCAN));
      }
    }
    if (nonBlank < 8 || width <= MIN_GUTTER_COLUMN + 4) {
      return -1;
    }
    int[] gap = new int[width + 1];
    int[] cross = new int[width + 1];
    for (Line l : physical) {
      String s = source.substring(l.start(), Math.min(l.end(), l.start() + MAX_COLUMN_SCAN));
      if (blank(s)) {
        continue;
      }
      int firstText = 0;
      while (firstText < s.length() && Character.isWhitespace(s.charAt(firstText))) {
        firstText++;
      }
      int k = 0;
      while (k < s.length()) {
        if (!Character.isWhitespace(s.charAt(k))) {
          if (k < gap.length) {
            cross[k]++;
          }
          k++;
          continue;
        }
        int r = k;
        while (r < s.length() && Character.isWhitespace(s.charAt(r))) {
          r++;
        }
        boolean textBefore = k > firstText;
        boolean textAfter = r < s.length();
        if (r - k >= 3 && textBefore && textAfter) {
          for (int c = k + 1; c < r && c < gap.length; c++) {
            gap[c]++;
          }
        }
        k = r;
      }
    }
    int best = -1;
    int bestGap = 0;
    for (int c = MIN_GUTTER_COLUMN; c < width; c++) {
      if (gap[c] > bestGap && gap[c] * 10 >= nonBlank * 3 && gap[c] >= 5
          && cross[c] * 100 <= nonBlank * 15) {
        best = c;
        bestGap = gap[c];
      }
    }
    if (best < 0) {
      return -1;
    }
    // right-hand pieces that are only dates make a date column, not a second text column
    int rightPieces = 0;
    int datePieces = 0;
    for (Line l : physical) {
      if (l.length() <= best) {
        continue;
      }
      String right = source.substring(l.start() + best, l.end()).strip();
      if (right.isEmpty()) {
        continue;
      }
      rightPieces++;
      List<ResumeDates.Span> spans = ResumeDates.find(right);
      int covered = 0;
      for (ResumeDates.Span sp : spans) {
        covered += sp.end() - sp.start();
      }
      int[] loc = ResumeLocation.findSpan(right);
      if (loc != null) {
        covered += loc[1] - loc[0];
      }
      if (covered > 0 && covered * 2 >= letters(right)) {
        datePieces++; // a right-aligned date or "City, ST": one column with aligned fields
      }
    }
    return datePieces * 2 >= rightPieces ? -1 : best;
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  private List<Line> splitColumns(List<Line> physical, int gutter) {
    List<Line> left = new ArrayList<>();
    List<Line> right = new ArrayList<>();
    for (Line l : physical) {
      int cut = l.start() + gutter;
      if (l.end() <= cut) {
        left.add(l);
        continue;
      }
      if (!Character.isWhitespace(source.charAt(cut))
          || !Character.isWhitespace(source.charAt(cut - 1))) {
        left.add(l); // a full-width line (the name, a heading across both columns)
        continue;
      }
      Line a = new Line(l.number(), l.start(), cut);
      Line b = new Line(l.number(), cut, l.end());
      if (!blank(source.substring(a.start(), a.end()))) {
        left.add(a);
      }
      if (!blank(source.substring(b.start(), b.end()))) {
        right.add(b);
      }
    }
    List<Line> out = new ArrayList<>(left.size() + right.size() + 1);
    out.addAll(left);
    if (!left.isEmpty() && !right.isEmpty()) {
      out.add(new Line(right.get(0).number(), right.get(0).start(), right.get(0).start()));
    }
    out.addAll(right);
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // personal data

  /** E-mail addresses, URLs, handles and phone numbers anywhere in the text. */
  private void maskContacts() {
    int n = source.length();
    int i = 0;
    while (i < n) {
      if (Character.isWhitespace(source.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && !Character.isWhitespace(source.charAt(j))) {
        j++;
      }
      int a = i;
      int b = j;
      while (a < b && "([<{\"'".indexOf(source.charAt(a)) >= 0) {
        a++;
      }
      while (b > a && ")]>}\"',;.:".indexOf(source.charAt(b - 1)) >= 0) {
        b--;
      }
      if (b > a && (b - a) <= 2048 && contactToken(source.substring(a, b))) {
        mask(a, b);
      }
      i = j;
    }
    maskPhones();
  }

  static boolean contactToken(String tok) {
    if (tok.indexOf('@') > 0 && tok.indexOf('.', tok.indexOf('@')) > 0) {
      return true; // e-mail
    }
    String lower = tok.toLowerCase(Locale.ROOT);
    if (lower.contains("://") || lower.startsWith("www.") || lower.startsWith("mailto:")) {
      return true;
    }
    int slash = tok.indexOf('/');
    String host = slash > 0 ? tok.substring(0, slash) : tok;
    int dot = host.lastIndexOf('.');
    if (dot <= 0 || dot == host.length() - 1) {
      return false;
    }
    String suffix = host.substring(dot + 1);
    boolean lowerHost = host.equals(host.toLowerCase(Locale.ROOT));
    if (!URL_SUFFIXES.contains(suffix.toLowerCase(Locale.ROOT))) {
      return false;
    }
    // "github.com/x" or "example.com"; "ASP.NET" is not an address
    return lowerHost && Character.isLetterOrDigit(host.charAt(0));
  }

  private void maskPhones() {
    int n = source.length();
    int i = 0;
    while (i < n) {
      char c = source.charAt(i);
      boolean startable = c == '+' || c == '(' || (c >= '0' && c <= '9');
      if (!startable || (i > 0 && Character.isLetterOrDigit(source.charAt(i - 1)))) {
        i++;
        continue;
      }
      int j = i;
      int digits = 0;
      int lastDigit = -1;
      while (j < n && j - i < 40) {
        char d = source.charAt(j);
        if (d >= '0' && d <= '9') {
          digits++;
          lastDigit = j;
        } else if (!(d == ' ' || d == '-' || d == '.' || d == '(' || d == ')' || d == '+')) {
          break;
        } else if (d == ' ' && j + 1 < n && source.charAt(j + 1) == ' ') {
          break;
        }
        j++;
      }
      if (lastDigit < 0) {
        i++;
        continue;
      }
      int end = lastDigit + 1;
      boolean letterAfter = end < n && Character.isLetter(source.charAt(end));
      if (!letterAfter && phoneLike(source.substring(i, end), digits, c == '+')) {
        mask(i, end);
        i = end;
      } else {
        i = Math.max(i + 1, end);
      }
    }
  }

  static boolean phoneLike(String run, int digits, boolean plus) {
    if (digits < (plus ? 8 : 10) || digits > 15) {
      return false;
    }
    List<String> groups = new ArrayList<>();
    StringBuilder g = new StringBuilder();
    for (int k = 0; k <= run.length(); k++) {
      char d = k < run.length() ? run.charAt(k) : ' ';
      if (d >= '0' && d <= '9') {
        g.append(d);
      } else if (g.length() > 0) {
        groups.add(g.toString());
        g.setLength(0);
      }
    }
    boolean allYears = true;
    for (String s : groups) {
      if (s.length() != 4) {
        allYears = false;
        break;
      }
      int y = Integer.parseInt(s);
      if (y < ResumeDates.MIN_YEAR || y > ResumeDates.MAX_YEAR) {
        allYears = false;
        break;
      }
    }
    if (allYears) {
      return false;
    }
    if (groups.size() == 3 && run.indexOf(' ') < 0
        && ((groups.get(2).length() == 4 && groups.get(0).length() <= 2
            && groups.get(1).length() <= 2)
            || (groups.get(0).length() == 4 && groups.get(1).length() <= 2
                && groups.get(2).length() <= 2))) {
      return false; // a date: 15/06/2021, 2021-06-15
    }
    return true;
  }

  /** "Phone: ...", "Date of birth: ..." and the like: masked from the label to the field's end. */
  private void maskLabelled() {
    for (Line l : lines) {
      String s = source.substring(l.start(), l.end());
      int k = 0;
      while (k < s.length()) {
        int colon = s.indexOf(':', k);
        if (colon < 0) {
          break;
        }
        int labelStart = labelStart(s, colon);
        if (labelStart >= 0) {
          mask(l.start() + labelStart, l.start() + endOfSegment(s, colon + 1));
        }
        k = colon + 1;
      }
    }
  }

  /**
   * Where a personal label that ends at {@code colon} starts ("Date of birth" in "Austin, TX |
   * Date of birth: ..."), or -1 when the one to three words before the colon are no such label.
   */
  static int labelStart(String s, int colon) {
    int end = colon;
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    int k = end;
    for (int words = 0; words < 3; words++) {
      int w = k;
      while (w > 0 && (Character.isLetter(s.charAt(w - 1)) || s.charAt(w - 1) == '-')) {
        w--;
      }
      if (w == k) {
        return -1;
      }
      if (PERSONAL_LABELS.contains(s.substring(w, end).toLowerCase(Locale.ROOT))) {
        return w;
      }
      if (w == 0 || s.charAt(w - 1) != ' ') {
        return -1;
      }
      k = w - 1;
    }
    return -1;
  }

  /** Where the segment that starts at {@code from} ends: at a separator of header fields. */
  private static int endOfSegment(String s, int from) {
    int k = from;
    while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
      k++;
    }
    for (; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '|' || c == '\u00b7' || c == '\u2022' || c == '\t') {
        return k;
      }
      if (c == ' ' && k + 1 < s.length() && s.charAt(k + 1) == ' ' && k + 2 < s.length()
          && s.charAt(k + 2) == ' ') {
        return k;
      }
    }
    return s.length();
  }

  private void maskName() {
    Line first = null;
    int seen = 0;
    for (Line l : lines) {
      String s = source.substring(l.start(), l.end());
      if (blank(s)) {
        continue;
      }
      if (++seen > 3) {
        break;
      }
      String lower = ResumeSections.strip(s).toLowerCase(Locale.ROOT);
      boolean title = false;
      for (String w : ResumeSections.words(lower)) {
        if (NOT_NAME.contains(w)) {
          title = true;
        }
      }
      if (title && lower.length() < 30) {
        continue;
      }
      first = l;
      break;
    }
    if (first == null) {
      return;
    }
    String s = new String(masked, first.start(), first.length());
    int a = 0;
    while (a < s.length() && Character.isWhitespace(s.charAt(a))) {
      a++;
    }
    int b = a;
    while (b < s.length() && !segmentBreak(s, b)) {
      b++;
    }
    String segment = s.substring(a, b).strip();
    if (!looksLikeName(segment)) {
      return;
    }
    mask(first.start() + a, first.start() + a + segment.length());
    for (String w : spaceWords(segment)) {
      String t = trimDots(w);
      if (t.length() >= 2 && !HONORIFICS.contains(t.toLowerCase(Locale.ROOT))) {
        nameTokens.add(t);
      }
    }
    if (nameTokens.isEmpty()) {
      return;
    }
    maskNameRecurrences();
  }

  private static final Set<String> HONORIFICS =
      Set.of("dr", "mr", "mrs", "ms", "mx", "prof", "phd", "md", "jr", "sr", "ii", "iii");

  private static String trimDots(String w) {
    int a = 0;
    int b = w.length();
    while (a < b && !Character.isLetter(w.charAt(a))) {
      a++;
    }
    while (b > a && !Character.isLetter(w.charAt(b - 1))) {
      b--;
    }
    return w.substring(a, b);
  }

  private static boolean segmentBreak(String s, int k) {
    char c = s.charAt(k);
    if (c == '|' || c == '\u00b7' || c == '\u2022' || c == '\t' || c == ',' || c == ';'
        || c == '(') {
      return true;
    }
    if ((c == '\u2014' || c == '\u2013') && k > 0 && s.charAt(k - 1) == ' ') {
      return true;
    }
    if (c == '-' && k > 0 && s.charAt(k - 1) == ' ' && k + 1 < s.length()
        && s.charAt(k + 1) == ' ') {
      return true;
    }
    return c == ' ' && k + 2 < s.length() && s.charAt(k + 1) == ' ' && s.charAt(k + 2) == ' ';
  }

  /** One to five words of letters (hyphens, apostrophes, initials), none a role or heading. */
  static boolean looksLikeName(String segment) {
    if (segment.isEmpty() || segment.length() > 60) {
      return false;
    }
    List<String> words = spaceWords(segment);
    if (words.size() > 5) {
      return false;
    }
    int real = 0;
    for (String w : words) {
      for (int k = 0; k < w.length(); k++) {
        char c = w.charAt(k);
        if (!(Character.isLetter(c) || c == '-' || c == '\'' || c == '\u2019' || c == '.')) {
          return false;
        }
      }
      String t = trimDots(w);
      if (t.isEmpty()) {
        continue;
      }
      if (!Character.isUpperCase(t.charAt(0))) {
        return false;
      }
      if (ResumePositions.roleWord(t.toLowerCase(Locale.ROOT))) {
        return false;
      }
      if (t.length() >= 2) {
        real++;
      }
    }
    if (real == 0) {
      return false;
    }
    return ResumeSections.heading(segment) == null;
  }

  /**
   * The full name wherever it recurs; every name word in the header and in lines that read like
   * author lists (publications, activities); elsewhere the surname, each part of a hyphenated
   * surname ("Quaxley" of "Quaxley-Borrowdale") and the given name where they are capitalised
   * ("Lind" but not "lind"); a month name ("May", "March") only where no year or day follows it
   * (so "March 2021" stays a date); never a concept of the taxonomy ("Julia", "Hadoop"): masking
   * those would cost the candidate a skill for a name, and a name must never change a score (see
   * CounterfactualFairnessTest).
   */
  private void maskNameRecurrences() {
    String full = String.join(" ", nameTokens);
    String surname = nameTokens.get(nameTokens.size() - 1);
    List<String> elsewhere = new ArrayList<>();
    List<String> months = new ArrayList<>(); // "May", "June", "March": names unless a year follows
    List<String> candidates = new ArrayList<>();
    candidates.add(surname);
    for (int a = 0, b; a < surname.length() && surname.indexOf('-') > 0; a = b + 1) {
      b = surname.indexOf('-', a);
      b = b < 0 ? surname.length() : b;
      candidates.add(surname.substring(a, b));
    }
    if (nameTokens.size() > 1) {
      candidates.add(nameTokens.get(0));
    }
    for (String w : candidates) {
      if (w.length() < 2 || conceptWord.test(w) || elsewhere.contains(w) || months.contains(w)) {
        continue;
      }
      (ResumeDates.month(w) != null ? months : elsewhere).add(w);
    }
    // a name word left alone above (a month, a concept) is still masked where an honorific
    // marks it as a name: "Ms. Spark mentored two interns"
    List<String> titled = new ArrayList<>();
    for (String tok : nameTokens) {
      if (!elsewhere.contains(tok) && tok.length() >= 2) {
        for (String h : List.of("Mr.", "Ms.", "Mrs.", "Mx.", "Dr.", "Prof.", "Mr", "Ms", "Mrs",
            "Mx", "Dr")) {
          titled.add(h + " " + tok);
        }
      }
    }
    ResumeSections.Type section = ResumeSections.Type.HEADER;
    for (Line l : lines) {
      String s = source.substring(l.start(), l.end());
      ResumeSections.Type h = ResumeSections.heading(s);
      if (h != null) {
        section = h;
        continue;
      }
      maskWord(s, l.start(), full, false);
      for (String t : titled) {
        maskWord(s, l.start(), t, true);
      }
      if (section == ResumeSections.Type.HEADER || section == ResumeSections.Type.PUBLICATIONS
          || section == ResumeSections.Type.ACTIVITIES) {
        // a name word that is the header's place ("Austin" of Austin Lee in "Austin, TX") stays:
        // masking it would cost the candidate their location for their name
        int[] place = section == ResumeSections.Type.HEADER ? ResumeLocation.findSpan(s) : null;
        for (String tok : nameTokens) {
          maskWord(s, l.start(), tok, false, place);
        }
      } else {
        for (String w : elsewhere) {
          maskWord(s, l.start(), w, true);
        }
        for (String w : months) {
          maskMonthName(s, l.start(), w);
        }
      }
    }
  }

  /**
   * Masks capitalised whole-word occurrences of a name that is also a month ("March wrote the
   * notes") except where it is a date: followed by a year or a day ("March 2021", "May '21").
   */
  private void maskMonthName(String s, int base, String word) {
    int k = 0;
    while ((k = s.indexOf(word, k)) >= 0) {
      int e = k + word.length();
      int n = e;
      while (n < s.length() && (s.charAt(n) == ' ' || s.charAt(n) == '.' || s.charAt(n) == ',')) {
        n++;
      }
      boolean date = n < s.length() && (Character.isDigit(s.charAt(n)) || s.charAt(n) == '\''
          || s.charAt(n) == '\u2019');
      boolean left = k == 0 || !Character.isLetter(s.charAt(k - 1));
      boolean right = e >= s.length() || !Character.isLetter(s.charAt(e));
      if (left && right && !date) {
        mask(base + k, base + e);
      }
      k = e;
    }
  }

  /** Masks whole-word occurrences of {@code word} in the line {@code s} at {@code base}. */
  private void maskWord(String s, int base, String word, boolean capitalised) {
    maskWord(s, base, word, capitalised, null);
  }

  /** The same, leaving alone occurrences inside {@code keep} ({start, end} in {@code s}, or null). */
  private void maskWord(String s, int base, String word, boolean capitalised, int[] keep) {
    if (word.length() < 2 || s.length() < word.length()) {
      return;
    }
    int k = 0;
    while (k + word.length() <= s.length()) {
      if (s.regionMatches(true, k, word, 0, word.length())) {
        int e = k + word.length();
        boolean left = k == 0 || !Character.isLetter(s.charAt(k - 1));
        boolean right = e >= s.length() || !Character.isLetter(s.charAt(e));
        boolean kept = keep != null && k >= keep[0] && e <= keep[1];
        if (left && right && !kept && (!capitalised || Character.isUpperCase(s.charAt(k)))) {
          mask(base + k, base + e);
          k = e;
          continue;
        }
      }
      k++;
    }
  }
}
