package org.rolematch.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds dates and date ranges in one line of a resume, and does the month arithmetic of
 * experience.
 *
 * <p>Design note: a hand-written scanner over a token list, no regular expressions, so that no
 * line can make it backtrack; callers give it lines of bounded length. It reads the forms
 * resumes use: "Jan 2019", "Sept. 2019", "January '19", "06/2021", "2021-06", "2021.06",
 * "Spring 2022", "2016", and ranges of them joined by a dash, "to", "until", "through" ("Jan
 * 2019 – Present", "2016-2020", "06/2021 to 03/2023", "Jan – Mar 2023", "since 2020").
 *
 * <p>A date is a run of months: a month is itself, a season is its months (spring Jan–May,
 * summer Jun–Aug, fall Sep–Dec, winter Jan–Mar), a bare year is Jan–Dec when it stands alone.
 * In a range a bare year means its January, so "2016 – 2020" spans Jan 2016 to Jan 2020, four
 * years, which is how a reader takes it.
 */
final class ResumeDates {
  private ResumeDates() {}

  static final int MIN_YEAR = 1950;
  static final int MAX_YEAR = 2100;

  /** How exact a date is. */
  enum Precision {
    MONTH,
    SEASON,
    YEAR
  }

  /**
   * A date as a run of months.
   *
   * @param first first month
   * @param last last month (equal to first for a month)
   * @param precision how exact it was written
   * @param start offset in the line of the first character
   * @param end offset in the line after the last character
   */
  record Point(YearMonth first, YearMonth last, Precision precision, int start, int end) {}

  /**
   * A date or a range of dates found in a line.
   *
   * @param from the first date
   * @param to the last date, or null when the range runs to the present or for a single date
   * @param present whether the range is open ("– Present")
   * @param range whether two dates (or a date and "present") were joined
   * @param start offset in the line where the expression starts
   * @param end offset in the line after it
   */
  record Span(Point from, Point to, boolean present, boolean range, int start, int end) {
    /** First month of the span. */
    YearMonth startMonth() {
      return from.first();
    }

    /**
     * Last month (inclusive), or null for an open range. In a range a bare year as the end means
     * its January; a single date ends at its own last month.
     */
    YearMonth endMonth() {
      if (present) {
        return null;
      }
      if (!range) {
        return from.last();
      }
      return to.precision() == Precision.YEAR ? to.first() : to.last();
    }

    /** The year the span ends, or 0 when it runs to the present. */
    int endYear() {
      if (present) {
        return 0;
      }
      return range ? to.first().getYear() : from.first().getYear();
    }

    /** Whether the span is a bare single year. */
    boolean bareYear() {
      return !range && from.precision() == Precision.YEAR;
    }
  }

  // ------------------------------------------------------------------------------------------
  // tokens

  enum T {
    WORD,
    NUM,
    PUNCT
  }

  /**
   * A token of a line: a run of letters, a run of digits, or one other visible character.
   *
   * @param type the token's type
   * @param text the token's text
   * @param start offset of its first character
   * @param end offset after it
   */
  record Tok(T type, String text, int start, int end) {
    boolean is(String s) {
      return text.equals(s);
    }

    boolean word(String lower) {
      return type == T.WORD && text.equalsIgnoreCase(lower);
    }

    String lower() {
      return text.toLowerCase(Locale.ROOT);
    }
  }

  /** Splits a line into tokens; whitespace separates and is dropped. Linear in the length. */
  static List<Tok> tokens(String s) {
    List<Tok> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        i++;
        continue;
      }
      int j = i + 1;
      T type;
      if (Character.isLetter(c)) {
        while (j < n && Character.isLetter(s.charAt(j))) {
          j++;
        }
        type = T.WORD;
      } else if (c >= '0' && c <= '9') {
        while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
          j++;
        }
        type = T.NUM;
      } else {
        type = T.PUNCT;
      }
      out.add(new Tok(type, s.substring(i, j), i, j));
      i = j;
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // vocabulary

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1), Map.entry("january", 1), Map.entry("feb", 2),
          Map.entry("february", 2), Map.entry("mar", 3), Map.entry("march", 3),
          Map.entry("apr", 4), Map.entry("april", 4), Map.entry("may", 5), Map.entry("jun", 6),
          Map.entry("june", 6), Map.entry("jul", 7), Map.entry("july", 7), Map.entry("aug", 8),
          Map.entry("august", 8), Map.entry("sep", 9), Map.entry("sept", 9),
          Map.entry("september", 9), Map.entry("oct", 10), Map.entry("october", 10),
          Map.entry("nov", 11), Map.entry("november", 11), Map.entry("dec", 12),
          Map.entry("december", 12));

  /** Season name → {first month, last month}. */
  private static final Map<String, int[]> SEASONS =
      Map.of(
          "spring", new int[] {1, 5}, "summer", new int[] {6, 8}, "fall", new int[] {9, 12},
          "autumn", new int[] {9, 12}, "winter", new int[] {1, 3});

  private static final java.util.Set<String> PRESENT =
      java.util.Set.of("present", "current", "now", "today", "ongoing", "date", "currently");

  private static final java.util.Set<String> CONNECTOR_WORDS =
      java.util.Set.of("to", "until", "till", "through", "thru", "til");

  private static boolean connectorPunct(Tok t) {
    if (t.type() != T.PUNCT) {
      return false;
    }
    char c = t.text().charAt(0);
    return c == '-' || c == '\u2013' || c == '\u2014' || c == '\u2012' || c == '\u2015'
        || c == '~' || c == '\u2192' || c == '\u2212';
  }

  static Integer month(String word) {
    return MONTHS.get(word.toLowerCase(Locale.ROOT));
  }

  private static boolean isYear(Tok t) {
    if (t.type() != T.NUM || t.text().length() != 4) {
      return false;
    }
    int y = Integer.parseInt(t.text());
    return y >= MIN_YEAR && y <= MAX_YEAR;
  }

  private static int num(Tok t, int maxLen) {
    if (t.type() != T.NUM || t.text().length() > maxLen) {
      return -1;
    }
    return Integer.parseInt(t.text());
  }

  /** Whether tokens a and b touch (no whitespace between). */
  private static boolean adjacent(Tok a, Tok b) {
    return a.end() == b.start();
  }

  // ------------------------------------------------------------------------------------------
  // points

  /** A point and the index of the token after it. */
  private record Parsed(Point point, int next) {}

  /** A month name without a year, at token i ("Jan" in "Jan – Mar 2023"). */
  private record Bare(int month, int next) {}

  private static Parsed point(List<Tok> t, int i) {
    Tok a = t.get(i);
    int n = t.size();
    if (a.type() == T.WORD) {
      Integer m = month(a.text());
      if (m != null) {
        int j = i + 1;
        if (j < n && t.get(j).is(".") && adjacent(a, t.get(j))) {
          j++;
        }
        if (j < n && t.get(j).is(",")) {
          j++;
        }
        if (j < n && isYear(t.get(j))) {
          YearMonth ym = YearMonth.of(Integer.parseInt(t.get(j).text()), m);
          return new Parsed(new Point(ym, ym, Precision.MONTH, a.start(), t.get(j).end()), j + 1);
        }
        if (j + 1 < n && (t.get(j).is("'") || t.get(j).is("\u2019"))
            && t.get(j + 1).type() == T.NUM && t.get(j + 1).text().length() == 2) {
          int yy = Integer.parseInt(t.get(j + 1).text());
          YearMonth ym = YearMonth.of(yy < 50 ? 2000 + yy : 1900 + yy, m);
          return new Parsed(new Point(ym, ym, Precision.MONTH, a.start(), t.get(j + 1).end()),
              j + 2);
        }
        return null;
      }
      int[] season = SEASONS.get(a.lower());
      if (season != null && i + 1 < n && isYear(t.get(i + 1))) {
        int y = Integer.parseInt(t.get(i + 1).text());
        return new Parsed(new Point(YearMonth.of(y, season[0]), YearMonth.of(y, season[1]),
            Precision.SEASON, a.start(), t.get(i + 1).end()), i + 2);
      }
      return null;
    }
    if (a.type() != T.NUM) {
      return null;
    }
    // 06/2021, 6.2021, 15/06/2021
    int mm = num(a, 2);
    if (mm >= 1 && i + 2 < n && adjacent(a, t.get(i + 1)) && adjacent(t.get(i + 1), t.get(i + 2))
        && (t.get(i + 1).is("/") || t.get(i + 1).is(".") || t.get(i + 1).is("-"))) {
      Tok b = t.get(i + 2);
      if (isYear(b) && mm <= 12) {
        YearMonth ym = YearMonth.of(Integer.parseInt(b.text()), mm);
        return new Parsed(new Point(ym, ym, Precision.MONTH, a.start(), b.end()), i + 3);
      }
      int second = num(b, 2);
      if (second >= 1 && i + 4 < n && t.get(i + 3).is(t.get(i + 1).text())
          && adjacent(b, t.get(i + 3)) && adjacent(t.get(i + 3), t.get(i + 4))
          && isYear(t.get(i + 4))) {
        int month = mm > 12 ? second : mm; // day/month/year when the first cannot be a month
        if (month >= 1 && month <= 12) {
          YearMonth ym = YearMonth.of(Integer.parseInt(t.get(i + 4).text()), month);
          return new Parsed(new Point(ym, ym, Precision.MONTH, a.start(), t.get(i + 4).end()),
              i + 5);
        }
      }
      return null;
    }
    if (!isYear(a)) {
      return null;
    }
    int y = Integer.parseInt(a.text());
    // "$2000", "2,000" or "3.2019" are not years
    if (i > 0 && adjacent(t.get(i - 1), a)) {
      String p = t.get(i - 1).text();
      if (p.equals("$") || p.equals(",") || p.equals(".") || t.get(i - 1).type() == T.NUM) {
        return null;
      }
    }
    // 2021-06, 2021.06, 2021/06 (and 2021-06-15)
    if (i + 2 < n && adjacent(a, t.get(i + 1)) && adjacent(t.get(i + 1), t.get(i + 2))
        && (t.get(i + 1).is("-") || t.get(i + 1).is(".") || t.get(i + 1).is("/"))
        && t.get(i + 2).type() == T.NUM && t.get(i + 2).text().length() == 2) {
      int m2 = Integer.parseInt(t.get(i + 2).text());
      if (m2 >= 1 && m2 <= 12) {
        int next = i + 3;
        int end = t.get(i + 2).end();
        if (next + 1 < n && t.get(next).is(t.get(i + 1).text()) && adjacent(t.get(i + 2), t.get(next))
            && t.get(next + 1).type() == T.NUM && t.get(next + 1).text().length() <= 2) {
          end = t.get(next + 1).end();
          next += 2;
        }
        YearMonth ym = YearMonth.of(y, m2);
        return new Parsed(new Point(ym, ym, Precision.MONTH, a.start(), end), next);
      }
    }
    // a year followed by a digit or a percent sign is a number, not a year
    if (i + 1 < n && adjacent(a, t.get(i + 1))
        && (t.get(i + 1).is("%") || t.get(i + 1).is("+") || t.get(i + 1).type() == T.WORD)) {
      return null;
    }
    return new Parsed(new Point(YearMonth.of(y, 1), YearMonth.of(y, 12), Precision.YEAR,
        a.start(), a.end()), i + 1);
  }

  private static Bare bareMonth(List<Tok> t, int i) {
    Tok a = t.get(i);
    if (a.type() != T.WORD) {
      return null;
    }
    Integer m = month(a.text());
    if (m == null) {
      return null;
    }
    int j = i + 1;
    if (j < t.size() && t.get(j).is(".") && adjacent(a, t.get(j))) {
      j++;
    }
    return new Bare(m, j);
  }

  /** Index after a range connector starting at token i, or -1. */
  private static int connector(List<Tok> t, int i) {
    if (i >= t.size()) {
      return -1;
    }
    Tok c = t.get(i);
    if (connectorPunct(c)) {
      int j = i + 1;
      if (j < t.size() && (t.get(j).is(">") || connectorPunct(t.get(j)))) {
        j++;
      }
      return j;
    }
    if (c.type() == T.WORD && CONNECTOR_WORDS.contains(c.lower())) {
      return i + 1;
    }
    return -1;
  }

  /** Index after a "present" word at i (also "to date", "till now"), or -1. */
  private static int present(List<Tok> t, int i) {
    if (i < t.size() && t.get(i).type() == T.WORD && PRESENT.contains(t.get(i).lower())) {
      return i + 1;
    }
    return -1;
  }

  /** Every date and range of the line, left to right, non-overlapping. */
  static List<Span> find(String line) {
    return find(tokens(line));
  }

  static List<Span> find(List<Tok> t) {
    List<Span> out = new ArrayList<>();
    int n = t.size();
    int i = 0;
    while (i < n) {
      Parsed p = point(t, i);
      if (p == null) {
        // "Jan – Mar 2023": a month name without a year, a connector, a dated month
        Bare bare = bareMonth(t, i);
        if (bare != null) {
          int c = connector(t, bare.next());
          if (c > 0 && c < n) {
            Parsed q = point(t, c);
            if (q != null && q.point().precision() == Precision.MONTH) {
              YearMonth to = q.point().first();
              int y = bare.month() <= to.getMonthValue() ? to.getYear() : to.getYear() - 1;
              YearMonth from = YearMonth.of(y, bare.month());
              Point fp = new Point(from, from, Precision.MONTH, t.get(i).start(), t.get(i).end());
              out.add(new Span(fp, q.point(), false, true, t.get(i).start(), q.point().end()));
              i = q.next();
              continue;
            }
          }
        }
        i++;
        continue;
      }
      int c = connector(t, p.next());
      if (c > 0) {
        int pr = present(t, c);
        if (pr > 0) {
          out.add(new Span(p.point(), null, true, true, p.point().start(), t.get(pr - 1).end()));
          i = pr;
          continue;
        }
        if (c < n) {
          // "2019-20": a two-digit end year
          Tok e = t.get(c);
          if (p.point().precision() == Precision.YEAR && e.type() == T.NUM
              && e.text().length() == 2 && adjacent(t.get(c - 1), e)) {
            int century = p.point().first().getYear() / 100 * 100;
            int y = century + Integer.parseInt(e.text());
            if (y >= p.point().first().getYear() && y - p.point().first().getYear() < 20) {
              Point q = new Point(YearMonth.of(y, 1), YearMonth.of(y, 12), Precision.YEAR,
                  e.start(), e.end());
              out.add(new Span(p.point(), q, false, true, p.point().start(), e.end()));
              i = c + 1;
              continue;
            }
          }
          Parsed q = point(t, c);
          if (q != null) {
            out.add(new Span(p.point(), q.point(), false, true, p.point().start(),
                q.point().end()));
            i = q.next();
            continue;
          }
        }
      }
      boolean since = i > 0 && (t.get(i - 1).word("since"));
      if (since) {
        out.add(new Span(p.point(), null, true, true, t.get(i - 1).start(), p.point().end()));
      } else {
        out.add(new Span(p.point(), null, false, false, p.point().start(), p.point().end()));
      }
      i = p.next();
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // month arithmetic

  /** Months since year 0 of the first day of a month. */
  static double monthIndex(YearMonth ym) {
    return ym.getYear() * 12.0 + ym.getMonthValue() - 1;
  }

  /** The clock as a fractional month index: 2025-07-01 is the start of July 2025. */
  static double monthIndex(LocalDate asOf) {
    return asOf.getYear() * 12.0 + asOf.getMonthValue() - 1
        + (asOf.getDayOfMonth() - 1) / (double) asOf.lengthOfMonth();
  }

  /**
   * A half-open interval of fractional month indexes for a position from {@code start} to
   * {@code end} (inclusive; null for "present"), cut at the clock. Returns null when the
   * interval is empty (a position that starts after the clock).
   */
  static double[] interval(YearMonth start, YearMonth end, LocalDate asOf) {
    double clock = monthIndex(asOf);
    double s = monthIndex(start);
    double e = end == null ? clock : Math.min(clock, monthIndex(end) + 1);
    return e > s ? new double[] {s, e} : null;
  }

  /** Total length in months of a set of half-open intervals, overlaps counted once. */
  static double unionMonths(List<double[]> intervals) {
    List<double[]> sorted = new ArrayList<>(intervals);
    sorted.sort((a, b) -> Double.compare(a[0], b[0]));
    double total = 0;
    double curS = Double.NaN;
    double curE = Double.NaN;
    for (double[] iv : sorted) {
      if (Double.isNaN(curS) || iv[0] > curE) {
        if (!Double.isNaN(curS)) {
          total += curE - curS;
        }
        curS = iv[0];
        curE = iv[1];
      } else if (iv[1] > curE) {
        curE = iv[1];
      }
    }
    if (!Double.isNaN(curS)) {
      total += curE - curS;
    }
    return total;
  }
}
