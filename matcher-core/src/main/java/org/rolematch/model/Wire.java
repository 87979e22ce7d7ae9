package org.rolematch.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsing of the lower-case, underscore-separated enum names used in JSON. */
final class Wire {
  private Wire() {}

  static <E extends Enum<E>> E parse(Class<E> type, String s, String what) {
    if (s == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    String key = s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    try {
      return Enum.valueOf(type, key);
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants())
              .map(c -> c.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
      throw new IllegalArgumentException(
          "unknown " + what + " '" + s + "'; expected one of: " + allowed, e);
    }
  }
}
