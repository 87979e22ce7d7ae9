package org.rolematch.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts publications and reads their venues.
 *
 * <p>The count is the number of entries in publication sections (numbered or bulleted entries;
 * else blocks separated by blank lines; else lines), or a count the text states ("12
 * peer-reviewed papers"), whichever is larger. A venue is the words right before an entry's
 * year ("... summarizers. ACL 2024", "In Proceedings of NeurIPS, 2021"), kept only when it looks
 * like a venue (an acronym or a word such as Conference, Journal, Workshop) and not like an
 * author list.
 */
final class ResumePublications {
  private ResumePublications() {}

  /**
   * What was read.
   *
   * @param count number of distinct publications
   * @param venues venues in order of first mention
   */
  record Result(int count, List<String> venues) {}

  static final int MAX_STATED = 1000;
  /** Continuation lines beyond this length are not added to an entry (an entry is a citation). */
  static final int MAX_ENTRY_CHARS = 4000;

  private static final Set<String> NOUNS =
      Set.of("publications", "papers", "articles", "manuscripts", "publication", "paper");
  private static final Set<String> ADJECTIVES =
      Set.of("peer-reviewed", "peer", "reviewed", "refereed", "first-author", "first", "author",
          "conference", "journal", "published", "research", "scientific", "academic",
          "international", "workshop", "co-authored", "coauthored", "authored", "technical",
          "top-tier", "top", "tier", "venue", "ml", "nlp", "major");
  private static final Map<String, Integer> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
          Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
          Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
          Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
          Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
          Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
          Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
          Map.entry("fifty", 50), Map.entry("a", 1), Map.entry("an", 1));
  private static final Set<String> VENUE_WORDS =
      Set.of("conference", "journal", "proceedings", "workshop", "transactions", "symposium",
          "letters", "review", "findings", "arxiv", "preprint", "press", "magazine", "annals",
          "bulletin", "meeting", "congress", "forum", "summit", "quarterly", "communications");

  /** A number written in digits or words, or -1. */
  static int number(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    Integer v = NUMBER_WORDS.get(w);
    if (v != null) {
      return v;
    }
    if (w.isEmpty() || w.length() > 4) {
      return -1;
    }
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) {
        return -1;
      }
    }
    return Integer.parseInt(w);
  }

  /**
   * Reads the publications.
   *
   * @param sectionLines texts of the lines of publication sections, in order (blank lines kept)
   * @param allLines texts of every line, for stated counts
   */
  static Result read(List<String> sectionLines, List<String> allLines) {
    List<String> entries = entries(sectionLines);
    int stated = 0;
    for (String l : allLines) {
      stated = Math.max(stated, statedCount(l));
    }
    LinkedHashSet<String> venues = new LinkedHashSet<>();
    for (String e : entries) {
      String v = venue(e);
      if (v != null) {
        venues.add(v);
      }
    }
    return new Result(Math.max(entries.size(), stated), List.copyOf(venues));
  }

  /** The entries of publication sections, each as one string. */
  static List<String> entries(List<String> lines) {
    List<String> out = new ArrayList<>();
    boolean marked = false;
    for (String l : lines) {
      if (ResumePositions.bullet(l) || numbered(l)) {
        marked = true;
        break;
      }
    }
    StringBuilder cur = null;
    if (marked) {
      for (String l : lines) {
        if (ResumeDocument.blank(l)) {
          continue;
        }
        if (ResumePositions.bullet(l) || numbered(l)) {
          if (cur != null) {
            out.add(cur.toString());
          }
          cur = new StringBuilder(l.strip());
        } else if (cur != null && cur.length() < MAX_ENTRY_CHARS) {
          cur.append(' ').append(l.strip());
        }
      }
      if (cur != null) {
        out.add(cur.toString());
      }
      return out;
    }
    // blocks separated by blank lines, or single lines
    List<List<String>> blocks = new ArrayList<>();
    List<String> block = new ArrayList<>();
    for (String l : lines) {
      if (ResumeDocument.blank(l)) {
        if (!block.isEmpty()) {
          blocks.add(block);
          block = new ArrayList<>();
        }
      } else if (!subHeading(l)) {
        block.add(l.strip());
      }
    }
    if (!block.isEmpty()) {
      blocks.add(block);
    }
    boolean multiLine = false;
    for (List<String> b : blocks) {
      if (b.size() > 1) {
        multiLine = true;
      }
    }
    boolean allMulti = !blocks.isEmpty();
    for (List<String> b : blocks) {
      if (b.size() < 2) {
        allMulti = false;
      }
    }
    List<StringBuilder> built = new ArrayList<>();
    for (List<String> b : blocks) {
      if (multiLine && allMulti) {
        built.add(new StringBuilder(String.join(" ", b)));
      } else {
        for (String l : b) {
          if (startsEntry(l) || built.isEmpty()) {
            built.add(new StringBuilder(l));
          } else if (built.get(built.size() - 1).length() < MAX_ENTRY_CHARS) {
            built.get(built.size() - 1).append(' ').append(l);
          }
        }
      }
    }
    for (StringBuilder b : built) {
      out.add(b.toString());
    }
    return out;
  }

  /** A line that continues the previous entry starts in lower case or with an indent. */
  private static boolean startsEntry(String l) {
    for (int i = 0; i < l.length(); i++) {
      char c = l.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '"' || c == '\u201c') {
        return !Character.isLowerCase(c);
      }
    }
    return false;
  }

  private static boolean numbered(String l) {
    String s = l.strip();
    if (s.startsWith("[") || s.startsWith("(")) {
      int close = s.indexOf(s.charAt(0) == '[' ? ']' : ')');
      if (close > 1 && close <= 5) {
        String inner = s.substring(1, close);
        boolean ok = true;
        for (int i = 0; i < inner.length(); i++) {
          if (!Character.isLetterOrDigit(inner.charAt(i))) {
            ok = false;
          }
        }
        return ok;
      }
    }
    return false;
  }

  /** "Conference Papers", "Journal Articles:", "Under Review" as a line of its own. */
  private static boolean subHeading(String l) {
    String s = l.strip();
    if (s.length() > 40 || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    String core = s.endsWith(":") ? s.substring(0, s.length() - 1) : s;
    if (core.indexOf('.') >= 0 || core.indexOf(',') >= 0) {
      return false;
    }
    return ResumeDocument.spaceWords(core).size() <= 4;
  }

  /** A count stated in a line: "12 peer-reviewed papers", "published three papers". */
  static int statedCount(String line) {
    List<ResumeDates.Tok> t = ResumeDates.tokens(line);
    int best = 0;
    for (int i = 0; i < t.size(); i++) {
      ResumeDates.Tok a = t.get(i);
      if (a.type() == ResumeDates.T.PUNCT) {
        continue;
      }
      int v = number(a.text());
      if (v <= 0 || v > MAX_STATED || a.text().equalsIgnoreCase("a")
          || a.text().equalsIgnoreCase("an")) {
        continue;
      }
      if (i > 0 && t.get(i - 1).type() == ResumeDates.T.WORD
          && t.get(i - 1).lower().startsWith("review")) {
        continue; // "reviewed 40 papers" are someone else's
      }
      if (a.type() == ResumeDates.T.NUM && i + 1 < t.size() && t.get(i + 1).is("+")) {
        i++;
      }
      int j = i + 1;
      int adjectives = 0;
      while (j < t.size() && adjectives < 4 && (t.get(j).is("-")
          || (t.get(j).type() == ResumeDates.T.WORD
              && ADJECTIVES.contains(t.get(j).lower())))) {
        j++;
        adjectives++;
      }
      if (j < t.size() && t.get(j).type() == ResumeDates.T.WORD
          && NOUNS.contains(t.get(j).lower())) {
        best = Math.max(best, v);
      }
    }
    return best;
  }

  /** The venue of an entry, or null. */
  static String venue(String entry) {
    List<ResumeDates.Tok> t = ResumeDates.tokens(entry);
    int yearTok = -1;
    for (int i = 0; i < t.size(); i++) {
      ResumeDates.Tok x = t.get(i);
      if (x.type() == ResumeDates.T.NUM && x.text().length() == 4) {
        int y = Integer.parseInt(x.text());
        if (y >= ResumeDates.MIN_YEAR && y <= ResumeDates.MAX_YEAR) {
          yearTok = i;
        }
      }
    }
    if (yearTok <= 0) {
      return null;
    }
    int end = t.get(yearTok).start();
    // back over spaces and a comma: "In NeurIPS, 2021"
    int k = end;
    while (k > 0 && (entry.charAt(k - 1) == ' ' || entry.charAt(k - 1) == ','
        || entry.charAt(k - 1) == '(' || entry.charAt(k - 1) == '\'')) {
      k--;
    }
    int stop = k;
    int begin = k;
    while (begin > 0) {
      char c = entry.charAt(begin - 1);
      if (c == '.' || c == ',' || c == '(' || c == ':' || c == ';' || c == '"' || c == '\u201d'
          || c == '\u201c' || c == ')') {
        // "Proc." and "Int." do not end the venue
        int w = begin - 1;
        int ws = w;
        while (ws > 0 && Character.isLetter(entry.charAt(ws - 1))) {
          ws--;
        }
        String before = entry.substring(ws, w);
        if (c == '.' && (before.equals("Proc") || before.equals("Int") || before.equals("Conf")
            || before.equals("Intl") || before.equals("Assoc") || before.equals("Vol"))) {
          begin = ws;
          continue;
        }
        break;
      }
      begin--;
    }
    String v = entry.substring(begin, stop).strip();
    v = stripPrefix(v, "In ");
    v = stripPrefix(v, "in ");
    v = stripPrefix(v, "Proceedings of the ");
    v = stripPrefix(v, "Proceedings of ");
    v = stripPrefix(v, "Proc. of the ");
    v = stripPrefix(v, "Proc. of ");
    v = stripPrefix(v, "Proc. ");
    v = v.strip();
    return looksLikeVenue(v) ? v : null;
  }

  private static String stripPrefix(String s, String p) {
    return s.startsWith(p) ? s.substring(p.length()) : s;
  }

  static boolean looksLikeVenue(String v) {
    if (v.isEmpty() || v.length() > 80) {
      return false;
    }
    List<String> words = ResumeDocument.spaceWords(v);
    if (words.size() > 8) {
      return false;
    }
    boolean acronym = false;
    boolean venueWord = false;
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      for (int i = 0; i < w.length(); i++) {
        if (Character.isDigit(w.charAt(i))) {
          return false;
        }
      }
      // an initial ("J.") or "et al" reads as an author list
      if ((w.length() == 2 && Character.isUpperCase(w.charAt(0)) && w.charAt(1) == '.')
          || w.equalsIgnoreCase("et") || w.equals("&")) {
        return false;
      }
      int upper = 0;
      for (int i = 0; i < w.length(); i++) {
        if (Character.isUpperCase(w.charAt(i))) {
          upper++;
        }
      }
      if (upper >= 2) {
        acronym = true;
      }
      if (VENUE_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
        venueWord = true;
      }
    }
    return acronym || venueWord;
  }
}
