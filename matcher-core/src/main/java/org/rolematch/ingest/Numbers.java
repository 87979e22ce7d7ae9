package org.rolematch.ingest;

import java.util.Locale;

/**
 * Small hand-written scanners for the figures in postings and resumes: minimum years ("4+ years",
 * "at least 6 years", "2-3 years", "five or more years") and salary ranges ("$10,000-$11,000
 * monthly", "$120k – $150k per year"). One pass each, no regular expressions.
 */
final class Numbers {
  private Numbers() {}

  private static final String[] WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen"
  };

  /**
   * Years asked for in a sentence: {@code [years, offsetAfterYearsWord]}, or null when the
   * sentence names no number of years. A range "2-3 years" gives its lower end.
   */
  static int[] minYears(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    int from = 0;
    while (true) {
      int y = indexOfWord(lower, from, "years", "year", "yrs", "yr");
      if (y < 0) {
        return null;
      }
      int afterWord = y;
      while (afterWord < lower.length() && Character.isLetter(lower.charAt(afterWord))) {
        afterWord++;
      }
      // walk back over "+", "or more", ")" and spaces to the number
      int i = y - 1;
      while (i >= 0 && (lower.charAt(i) == ' ' || lower.charAt(i) == '+' || lower.charAt(i) == ')'
          || lower.charAt(i) == '(')) {
        i--;
      }
      if (i >= 6 && lower.startsWith("or more", i - 6)) {
        i -= 7;
        while (i >= 0 && (lower.charAt(i) == ' ' || lower.charAt(i) == '+')) {
          i--;
        }
      }
      int end = i + 1;
      while (i >= 0 && (Character.isDigit(lower.charAt(i)) || lower.charAt(i) == '.')) {
        i--;
      }
      int start = i + 1;
      Integer value = null;
      if (start < end) {
        String num = lower.substring(start, end);
        if (num.indexOf('.') >= 0) {
          num = num.substring(0, num.indexOf('.'));
        }
        if (!num.isEmpty() && num.length() <= 2) {
          value = Integer.parseInt(num);
        }
        // a range "2-3" or "2 to 3": take the lower end
        int j = start - 1;
        while (j >= 0 && lower.charAt(j) == ' ') {
          j--;
        }
        if (j >= 0 && (lower.charAt(j) == '-' || lower.charAt(j) == '\u2013')) {
          int k = j - 1;
          while (k >= 0 && lower.charAt(k) == ' ') {
            k--;
          }
          int e2 = k + 1;
          while (k >= 0 && Character.isDigit(lower.charAt(k))) {
            k--;
          }
          if (k + 1 < e2 && e2 - (k + 1) <= 2) {
            value = Integer.parseInt(lower.substring(k + 1, e2));
          }
        }
      } else {
        int wEnd = end;
        int w = wEnd - 1;
        while (w >= 0 && Character.isLetter(lower.charAt(w))) {
          w--;
        }
        String word = lower.substring(w + 1, wEnd);
        for (int k = 0; k < WORDS.length; k++) {
          if (WORDS[k].equals(word)) {
            value = k;
          }
        }
      }
      if (value != null && value > 0 && value < 50) {
        return new int[] {value, afterWord};
      }
      from = afterWord;
    }
  }

  /** Index of the first of the words at a word boundary from {@code from}, or -1. */
  static int indexOfWord(String lower, int from, String... words) {
    int best = -1;
    for (String w : words) {
      int i = from;
      while (true) {
        i = lower.indexOf(w, i);
        if (i < 0) {
          break;
        }
        int e = i + w.length();
        boolean okStart = i == 0 || !Character.isLetter(lower.charAt(i - 1));
        boolean okEnd = e >= lower.length() || !Character.isLetter(lower.charAt(e));
        if (okStart && okEnd) {
          if (best < 0 || i < best) {
            best = i;
          }
          break;
        }
        i = e;
      }
    }
    return best;
  }

  /**
   * A salary range in a line: {@code [min, max]} with the period and currency, or null. Reads the
   * first one or two money amounts ("$" or "USD" figures, or bare figures of four or more digits
   * on a line that says "salary" or "pay").
   */
  static Object[] salary(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    boolean salaryLine = lower.contains("salary") || lower.contains("pay range")
        || lower.contains("compensation") || lower.contains("base pay");
    double[] found = new double[2];
    int count = 0;
    String currency = null;
    int i = 0;
    int n = line.length();
    int lastEnd = -1;
    while (i < n && count < 2) {
      char c = line.charAt(i);
      String cur = switch (c) {
        case '$' -> "USD";
        case '\u20ac' -> "EUR";
        case '\u00a3' -> "GBP";
        default -> null;
      };
      int p = cur != null ? i + 1 : i;
      while (p < n && line.charAt(p) == ' ') {
        p++;
      }
      if (p < n && Character.isDigit(line.charAt(p)) && (i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1)) || cur != null)) {
        int q = p;
        StringBuilder digits = new StringBuilder();
        while (q < n && (Character.isDigit(line.charAt(q)) || line.charAt(q) == ','
            || (line.charAt(q) == '.' && q + 1 < n && Character.isDigit(line.charAt(q + 1))))) {
          if (line.charAt(q) != ',') {
            digits.append(line.charAt(q));
          }
          q++;
        }
        double v;
        try {
          v = digits.length() > 12 ? -1 : Double.parseDouble(digits.toString());
        } catch (NumberFormatException e) {
          v = -1;
        }
        if (q < n && (line.charAt(q) == 'k' || line.charAt(q) == 'K')) {
          v *= 1000;
          q++;
        }
        boolean money = cur != null || (salaryLine && v >= 1000) || (count == 1 && lastEnd >= 0 && q - lastEnd < 30 && v >= 1000);
        if (money && v >= 0) {
          found[count++] = v;
          if (currency == null && cur != null) {
            currency = cur;
          }
          lastEnd = q;
        }
        i = q;
        continue;
      }
      i++;
    }
    if (count == 0) {
      return null;
    }
    double min = found[0];
    double max = count > 1 ? found[1] : found[0];
    if (max < min) {
      double t = min;
      min = max;
      max = t;
    }
    String period = "unknown";
    if (lower.contains("hour")) {
      period = "hour";
    } else if (lower.contains("month")) {
      period = "month";
    } else if (lower.contains("year") || lower.contains("annual") || lower.contains("/yr")) {
      period = "year";
    } else if (min >= 20000) {
      period = "year";
    }
    return new Object[] {min, max, currency == null ? "USD" : currency, period};
  }
}
