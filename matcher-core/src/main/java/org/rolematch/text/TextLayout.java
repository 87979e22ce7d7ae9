package org.rolematch.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into lines and sentences, keeping offsets into the original text. Hand-written
 * scanners in one pass: no regular expression, so no input can make them backtrack.
 */
public final class TextLayout {
  private TextLayout() {}

  /** The lines of {@code text}, with bullets recognised. */
  public static List<Line> lines(String text) {
    List<Line> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i <= n) {
      int j = i;
      while (j < n && text.charAt(j) != '\n' && text.charAt(j) != '\r') {
        j++;
      }
      out.add(line(text, i, j));
      if (j < n && text.charAt(j) == '\r' && j + 1 < n && text.charAt(j + 1) == '\n') {
        j++;
      }
      i = j + 1;
      if (j >= n) {
        break;
      }
    }
    return out;
  }

  private static Line line(String text, int start, int end) {
    int p = start;
    int indent = 0;
    while (p < end && isSpace(text.charAt(p))) {
      indent += text.charAt(p) == '\t' ? 4 : 1;
      p++;
    }
    boolean bullet = false;
    if (p < end) {
      char c = text.charAt(p);
      if (isBulletChar(c) && (p + 1 >= end || isSpace(text.charAt(p + 1))
          || (c == '-' && p + 1 < end && Character.isLetter(text.charAt(p + 1))
              && p + 1 < end && Character.isUpperCase(text.charAt(p + 1))))) {
        bullet = true;
        p++;
      } else if (Character.isDigit(c)) {
        int q = p;
        while (q < end && q - p < 3 && Character.isDigit(text.charAt(q))) {
          q++;
        }
        if (q < end && (text.charAt(q) == '.' || text.charAt(q) == ')') && q + 1 < end
            && isSpace(text.charAt(q + 1))) {
          bullet = true;
          p = q + 1;
        }
      }
      while (bullet && p < end && (isSpace(text.charAt(p)) || isBulletChar(text.charAt(p)))) {
        p++;
      }
    }
    int e = end;
    while (e > p && isSpace(text.charAt(e - 1))) {
      e--;
    }
    return new Line(start, end, p, text.substring(p, e), indent, bullet);
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00a0' || c == '\u2002' || c == '\u2003'
        || c == '\u2009' || c == '\u200b' || c == '\f';
  }

  static boolean isBulletChar(char c) {
    return c == '\u2022' || c == '-' || c == '*' || c == '\u00b7' || c == '\u25aa'
        || c == '\u25e6' || c == '\u2023' || c == '\u2043' || c == '\u25cf' || c == '\u2013'
        || c == '\u25a0' || c == '\u2219' || c == '>' || c == '\u27a2' || c == '\u2794';
  }

  /**
   * Splits a span of text into sentences, returning [start, end) pairs of offsets into {@code
   * text}. A sentence ends at ". ", "! ", "? " or "; " before a capital letter or a digit, except
   * after abbreviations such as "e.g.", "i.e.", "etc.", "Sr.", "vs.".
   */
  public static List<int[]> sentences(String text, int from, int to) {
    List<int[]> out = new ArrayList<>();
    int s = from;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c != '.' && c != '!' && c != '?' && c != ';') {
        continue;
      }
      int k = i + 1;
      if (k < to && !isSpace(text.charAt(k)) && text.charAt(k) != '\n') {
        continue;
      }
      while (k < to && (isSpace(text.charAt(k)) || text.charAt(k) == '\n')) {
        k++;
      }
      if (k >= to) {
        break;
      }
      char next = text.charAt(k);
      if (c == '.' && abbreviation(text, from, i)) {
        continue;
      }
      if (c != ';' && !(Character.isUpperCase(next) || Character.isDigit(next) || next == '"')) {
        continue;
      }
      addTrimmed(out, text, s, i + 1);
      s = k;
    }
    addTrimmed(out, text, s, to);
    return out;
  }

  private static void addTrimmed(List<int[]> out, String text, int s, int e) {
    while (s < e && (isSpace(text.charAt(s)) || text.charAt(s) == '\n')) {
      s++;
    }
    while (e > s && (isSpace(text.charAt(e - 1)) || text.charAt(e - 1) == '\n')) {
      e--;
    }
    if (e > s) {
      out.add(new int[] {s, e});
    }
  }

  private static boolean abbreviation(String text, int from, int dot) {
    int b = dot;
    while (b > from && Character.isLetter(text.charAt(b - 1))) {
      b--;
    }
    String w = text.substring(b, dot).toLowerCase(java.util.Locale.ROOT);
    if (w.length() == 1) {
      return true; // "e.g.", "i.e.", initials
    }
    return switch (w) {
      case "eg", "ie", "etc", "sr", "jr", "vs", "dr", "mr", "ms", "mrs", "inc", "no", "approx",
          "incl", "esp", "dept", "st", "co", "ltd", "phd", "resp" -> true;
      default -> false;
    };
  }

  /** Collapses runs of whitespace to one space and trims. */
  public static String collapse(CharSequence s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.toString();
  }
}
