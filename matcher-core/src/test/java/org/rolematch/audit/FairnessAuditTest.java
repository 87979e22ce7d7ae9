package org.rolematch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FairnessAuditTest {
  private static List<FairnessAudit.Scored> sample(String group, double... scores) {
    List<FairnessAudit.Scored> out = new ArrayList<>();
    for (double s : scores) {
      out.add(new FairnessAudit.Scored(group + out.size(), group, s));
    }
    return out;
  }

  @Test
  void selectionAndScoringImpactRatiosFollowTheirDefinitions() {
    List<FairnessAudit.Scored> all = new ArrayList<>();
    all.addAll(sample("A", 90, 80, 70, 60)); // 3 of 4 reach 65; 3 above the median 65
    all.addAll(sample("B", 85, 50, 40, 30)); // 1 of 4 reach 65; 1 above the median
    FairnessAudit.Report r = FairnessAudit.of(all, 65);
    assertEquals(65.0, r.median(), 1e-9);
    FairnessAudit.GroupFigures a = r.groups().get(0);
    FairnessAudit.GroupFigures b = r.groups().get(1);
    assertEquals(0.75, a.selectionRate(), 1e-9);
    assertEquals(1.0, a.selectionImpactRatio(), 1e-9);
    assertEquals(0.25, b.selectionRate(), 1e-9);
    assertEquals(1.0 / 3, b.selectionImpactRatio(), 1e-9);
    assertEquals(0.75, a.scoringRate(), 1e-9);
    assertEquals(0.25, b.scoringRate(), 1e-9);
    assertTrue(b.flagged());
    assertFalse(a.flagged());
    String text = r.toText();
    assertTrue(text.contains("< 4/5") && text.contains("What they do not mean"), text);
  }

  @Test
  void equalOutcomesGiveRatiosOfOne() {
    List<FairnessAudit.Scored> all = new ArrayList<>(sample("A", 80, 20));
    all.addAll(sample("B", 80, 20));
    for (FairnessAudit.GroupFigures g : FairnessAudit.of(all, 50).groups()) {
      assertEquals(1.0, g.selectionImpactRatio(), 1e-9);
      assertEquals(1.0, g.scoringImpactRatio(), 1e-9);
    }
  }

  @Test
  void badInputIsRefusedWithTheValue() {
    assertThrows(IllegalArgumentException.class, () -> FairnessAudit.of(List.of(), 50));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new FairnessAudit.Scored("x", "A", 120))
        .getMessage().contains("120"));
    assertThrows(IllegalArgumentException.class, () -> new FairnessAudit.Scored("x", " ", 10));
    assertThrows(IllegalArgumentException.class, () -> FairnessAudit.of(sample("A", 10), 150));
  }
}
