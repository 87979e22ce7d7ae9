package org.rolematch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Wire names are the lower-case constant names, parse back, and are made once per constant. */
class WireNamesTest {
  private static <E extends Enum<E>> void check(E[] values, Function<E, String> wire,
      Function<String, E> parse) {
    for (E e : values) {
      String w = wire.apply(e);
      assertEquals(e.name().toLowerCase(Locale.ROOT), w);
      assertSame(w, wire.apply(e), e + ": one string, not a new one per call");
      assertSame(e, parse.apply(w));
      assertSame(e, parse.apply(w.toUpperCase(Locale.ROOT)));
    }
  }

  @Test
  void everyEnumOfTheModelHasItsLowerCaseNameMadeOnce() {
    check(Kind.values(), Kind::wireName, Kind::fromWire);
    check(Importance.values(), Importance::wireName, Importance::fromWire);
    check(DegreeLevel.values(), DegreeLevel::wireName, DegreeLevel::fromWire);
    check(DegreeStatus.values(), DegreeStatus::wireName, DegreeStatus::fromWire);
    check(EmploymentType.values(), EmploymentType::wireName, EmploymentType::fromWire);
  }

  @Test
  void wireNamesOfTheJsonFormat() {
    assertEquals("programming_language", Kind.PROGRAMMING_LANGUAGE.wireName());
    assertEquals("full_time", EmploymentType.FULL_TIME.wireName());
    assertEquals("in_progress", DegreeStatus.IN_PROGRESS.wireName());
    assertEquals("phd", DegreeLevel.PHD.wireName());
    assertEquals("preferred", Importance.PREFERRED.wireName());
  }
}
