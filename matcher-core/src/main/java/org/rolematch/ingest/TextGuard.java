package org.rolematch.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks that parsers apply to untrusted input before any analysis: size, binary content and
 * character encoding. Every parser calls it first, so no later stage sees input it cannot take.
 */
public final class TextGuard {
  private TextGuard() {}

  /**
   * Decodes UTF-8 bytes strictly.
   *
   * @throws ParseException naming the source and the byte offset of the first invalid sequence,
   *     or the size limit that was exceeded
   */
  public static String decode(byte[] bytes, String source, int maxBytes) throws ParseException {
    return decode(bytes, source, ParseLimits.builder().maxDocumentBytes(maxBytes).build());
  }

  /**
   * Decodes UTF-8 bytes strictly, refusing more than {@link ParseLimits#maxDocumentBytes()}.
   *
   * @throws ParseException naming the source and the byte offset of the first invalid sequence,
   *     or the limit that was exceeded, its value and how to raise it
   */
  public static String decode(byte[] bytes, String source, ParseLimits limits)
      throws ParseException {
    if (bytes.length > limits.maxDocumentBytes()) {
      throw new ParseException(source, 0, limits.overLimit(ParseLimits.Limit.DOCUMENT_BYTES,
          "the document has " + bytes.length + " bytes"));
    }
    int off = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      off = 3; // UTF-8 byte order mark
    }
    try {
      CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, off, bytes.length - off));
      String s = cb.toString();
      checkBinary(s, source);
      return s;
    } catch (CharacterCodingException e) {
      int bad = firstInvalid(bytes, off);
      throw new ParseException(
          source, lineAt(bytes, bad), "the document is not valid UTF-8 (first invalid byte at offset "
              + bad + "); convert it to UTF-8 text", e);
    }
  }

  /**
   * Checks decoded text: not over {@code maxChars}, and not binary (NUL characters or mostly
   * control characters).
   */
  public static void check(String text, String source, int maxChars) throws ParseException {
    check(text, source, ParseLimits.builder().maxDocumentBytes(
        Math.min(maxChars, Integer.MAX_VALUE - 8)).build());
  }

  /**
   * Checks decoded text: not over {@link ParseLimits#maxDocumentBytes()} characters, and not
   * binary (NUL characters or mostly control characters).
   */
  public static void check(String text, String source, ParseLimits limits) throws ParseException {
    if (text.length() > limits.maxDocumentBytes()) {
      throw new ParseException(source, 0, limits.overLimit(ParseLimits.Limit.DOCUMENT_BYTES,
          "the document has " + text.length() + " characters"));
    }
    checkBinary(text, source);
  }

  private static void checkBinary(String text, String source) throws ParseException {
    int control = 0;
    int n = Math.min(text.length(), 1 << 16);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == 0) {
        throw new ParseException(
            source, lineOf(text, i), "the document looks binary (a NUL character at offset " + i
                + "); give plain text");
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      }
    }
    if (n > 64 && control * 10 > n) {
      throw new ParseException(
          source, 0, "the document looks binary (" + control + " control characters in the first "
              + n + "); give plain text");
    }
  }

  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int lineAt(byte[] b, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < b.length; i++) {
      if (b[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int firstInvalid(byte[] b, int from) {
    int i = from;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int n;
      if (c < 0x80) {
        n = 1;
      } else if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
      } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
      } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
      } else {
        return i;
      }
      if (i + n > b.length) {
        return i;
      }
      for (int k = 1; k < n; k++) {
        if ((b[i + k] & 0xc0) != 0x80) {
          return i;
        }
      }
      i += n;
    }
    return b.length;
  }
}
