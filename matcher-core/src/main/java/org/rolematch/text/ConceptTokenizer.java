package org.rolematch.text;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits text into words the way technical writing uses them: "C++", "C#", ".NET", "Node.js",
 * "scikit-learn", "Ph.D", "R&amp;D" and "4+" stay whole; commas, slashes, brackets, en and em
 * dashes and whitespace separate words; a trailing full stop is not part of a word (so "Ph.D."
 * reads as "ph.d" and "Python." as "python"); a possessive "'s" is dropped ("Master's" reads as
 * "Master"); the typographic apostrophe reads as "'".
 *
 * <p>Hand-written scanner, one pass, no regular expressions, so no input can make it backtrack.
 * Words longer than {@value #MAX_TOKEN} characters are cut at that length (the remainder is
 * skipped; no alias is that long).
 */
public final class ConceptTokenizer extends Tokenizer {
  static final int MAX_TOKEN = 128;
  /**
   * The term of a break token, emitted for punctuation that ends a phrase (comma, semicolon,
   * colon, brackets, slash, full stop, dashes). Multi-word aliases never match across one, so
   * "Business, Analytics" is two fields, not "business analytics".
   */
  public static final String BREAK = "\u0003";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

  private char[] buf = new char[4096];
  private boolean lastWasBreak = true;
  private int len;
  private int pos;
  private boolean filled;

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    if (!filled) {
      fill();
    }
    while (pos < len) {
      char c = buf[pos];
      if (isBreak(c)) {
        int b = pos;
        pos++;
        if (!lastWasBreak) {
          lastWasBreak = true;
          term.setEmpty().append(BREAK);
          offset.setOffset(correctOffset(b), correctOffset(b + 1));
          return true;
        }
        continue;
      }
      boolean start = Character.isLetterOrDigit(c)
          || (c == '.' && pos + 1 < len && Character.isLetter(buf[pos + 1])
              && (pos == 0 || !Character.isLetterOrDigit(buf[pos - 1])));
      if (!start) {
        pos++;
        continue;
      }
      int begin = pos;
      pos++;
      while (pos < len) {
        char d = buf[pos];
        if (Character.isLetterOrDigit(d)) {
          pos++;
        } else if ((d == '-' || d == '.' || d == '_' || d == '&' || d == '\'' || d == '\u2019')
            && pos + 1 < len && Character.isLetterOrDigit(buf[pos + 1])) {
          pos++;
        } else if (d == '+' ) {
          while (pos < len && buf[pos] == '+') {
            pos++;
          }
          break;
        } else if (d == '#' && (pos + 1 >= len || !Character.isLetterOrDigit(buf[pos + 1]))) {
          pos++;
          break;
        } else {
          break;
        }
      }
      int end = pos;
      // drop a possessive 's or a trailing apostrophe
      int termEnd = end;
      if (termEnd - begin > 2 && (buf[termEnd - 1] == 's' || buf[termEnd - 1] == 'S')
          && (buf[termEnd - 2] == '\'' || buf[termEnd - 2] == '\u2019')) {
        termEnd -= 2;
      }
      int n = Math.min(termEnd - begin, MAX_TOKEN);
      char[] out = term.resizeBuffer(n);
      for (int i = 0; i < n; i++) {
        char ch = buf[begin + i];
        out[i] = ch == '\u2019' ? '\'' : ch;
      }
      term.setLength(n);
      offset.setOffset(correctOffset(begin), correctOffset(end));
      lastWasBreak = false;
      return true;
    }
    return false;
  }

  private static boolean isBreak(char c) {
    return switch (c) {
      case ',', ';', ':', '(', ')', '[', ']', '{', '}', '/', '|', '.', '!', '?', '\u2022', '\u00b7',
          '\u2013', '\u2014', '-', '"', '\u201c', '\u201d' -> true;
      default -> false;
    };
  }

  private void fill() throws IOException {
    len = 0;
    while (true) {
      if (len == buf.length) {
        char[] bigger = new char[buf.length * 2];
        System.arraycopy(buf, 0, bigger, 0, len);
        buf = bigger;
      }
      int r = input.read(buf, len, buf.length - len);
      if (r < 0) {
        break;
      }
      len += r;
    }
    filled = true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int last = correctOffset(len);
    offset.setOffset(last, last);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    filled = false;
    lastWasBreak = true;
    len = 0;
    pos = 0;
    if (buf.length > 1 << 16) {
      buf = new char[4096];
    }
  }
}
