package org.rolematch.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON side of {@link ParseLimits}, for the library's JSON readers: a Jackson mapper whose
 * read constraints are the limits, and the plain message for a constraint that was hit. Mappers
 * are cached per limits (a handful exist in a program).
 */
public final class JsonLimits {
  private JsonLimits() {}

  private record Key(ParseLimits limits, ParseLimits.Limit size) {}

  private static final Map<Key, ObjectMapper> MAPPERS = new ConcurrentHashMap<>();

  /**
   * A mapper that reads with {@code limits}: nesting, number length, and documents and strings
   * of at most the {@code size} limit (characters).
   */
  public static ObjectMapper mapper(ParseLimits limits, ParseLimits.Limit size) {
    Key k = new Key(limits, size);
    ObjectMapper m = MAPPERS.get(k);
    if (m == null) {
      if (MAPPERS.size() > 64) {
        MAPPERS.clear(); // limits built per call: do not grow without bound
      }
      int max = limits.value(size);
      m = new ObjectMapper(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(limits.maxJsonDepth())
              .maxNumberLength(limits.maxNumberChars())
              .maxDocumentLength(max)
              .maxStringLength(max)
              .build())
          .build());
      MAPPERS.putIfAbsent(k, m);
    }
    return m;
  }

  /** The message for a Jackson read constraint that was hit, naming the limit and how to raise it. */
  public static String message(StreamConstraintsException e, ParseLimits limits,
      ParseLimits.Limit size) {
    String m = String.valueOf(e.getMessage());
    String lower = m.toLowerCase(Locale.ROOT);
    String actual = firstNumber(m);
    if (lower.contains("nesting")) {
      return limits.overLimit(ParseLimits.Limit.JSON_DEPTH,
          "the JSON is nested " + (actual.isEmpty() ? "too" : "at least " + actual + " levels")
              + " deep");
    }
    if (lower.contains("number")) {
      return limits.overLimit(ParseLimits.Limit.NUMBER_CHARS,
          "a JSON number has " + (actual.isEmpty() ? "too many" : actual) + " characters");
    }
    if (lower.contains("string")) {
      return limits.overLimit(size,
          "a JSON string has " + (actual.isEmpty() ? "too many" : actual) + " characters");
    }
    return limits.overLimit(size,
        "the JSON document has " + (actual.isEmpty() ? "too many" : actual) + " characters");
  }

  /** The first run of digits in Jackson's message ("Document nesting depth (65) exceeds ..."). */
  private static String firstNumber(String m) {
    int i = 0;
    while (i < m.length() && !Character.isDigit(m.charAt(i))) {
      i++;
    }
    int j = i;
    while (j < m.length() && Character.isDigit(m.charAt(j)) && j - i < 20) {
      j++;
    }
    return m.substring(i, j);
  }
}
