package org.rolematch.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;

class ScoringPolicyTest {
  @Test
  void defaultsAreTheDocumentedValues() {
    ScoringPolicy p = ScoringPolicy.defaults();
    assertEquals(1.0, p.weight(Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED));
    assertEquals(0.35, p.weight(Kind.PROGRAMMING_LANGUAGE, Importance.PREFERRED));
    assertEquals(1.5, p.weight(Kind.DEGREE, Importance.REQUIRED));
    assertEquals(0.25, p.weight(Kind.SOFT_SKILL, Importance.REQUIRED));
    assertEquals(0.5, p.siblingCredit());
    assertEquals(0.5, p.unknownCredit());
    assertEquals(0.5, p.nearbyPlaceCredit());
    assertEquals(KnockoutMode.FILTER, p.knockoutMode());
    assertEquals(Set.of(Kind.SOFT_SKILL), p.silentKinds());
    assertTrue(p.isKnockout(Kind.LOCATION, Importance.REQUIRED, false));
    assertTrue(p.isKnockout(Kind.TOOL, Importance.PREFERRED, true));
  }

  @Test
  void builderNamesTheBadOptionAndValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().siblingCredit(1.5));
    assertTrue(e.getMessage().contains("siblingCredit") && e.getMessage().contains("1.5"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().kindWeight(Kind.TOOL, -1));
    assertTrue(e.getMessage().contains("kindWeight(tool)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().preferredWeight(Double.NaN));
    assertTrue(e.getMessage().contains("preferredWeight"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ScoringPolicy.builder().silentKinds(Set.of(Kind.DEGREE)));
    assertThrows(NullPointerException.class, () -> ScoringPolicy.builder().knockoutMode(null));
  }

  @Test
  void toBuilderRoundTrips() {
    ScoringPolicy p = ScoringPolicy.builder().preferredWeight(0.5).unknownCredit(0.2).build();
    assertEquals(p, p.toBuilder().build());
    assertEquals(ScoringPolicy.defaults(), ScoringPolicy.builder().build());
  }

  @Test
  void ignoreModeHasNoKnockouts() {
    ScoringPolicy p = ScoringPolicy.builder().knockoutMode(KnockoutMode.IGNORE).build();
    assertTrue(!p.isKnockout(Kind.LOCATION, Importance.REQUIRED, true));
  }
}
