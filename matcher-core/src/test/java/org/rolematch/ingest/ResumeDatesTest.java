package org.rolematch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rolematch.model.Evidence;
import org.rolematch.model.Position;
import org.rolematch.model.Position.PositionType;

class ResumeDatesTest {
  static final LocalDate CLOCK = LocalDate.of(2025, 7, 1);

  static ResumeDates.Span only(String line) {
    List<ResumeDates.Span> spans = ResumeDates.find(line);
    assertEquals(1, spans.size(), () -> line + " -> " + spans);
    return spans.get(0);
  }

  static void range(String line, String start, String end) {
    ResumeDates.Span s = only(line);
    assertTrue(s.range(), line);
    assertEquals(YearMonth.parse(start), s.startMonth(), line);
    if (end == null) {
      assertTrue(s.present(), line);
      assertNull(s.endMonth(), line);
    } else {
      assertEquals(YearMonth.parse(end), s.endMonth(), line);
    }
  }

  @Test
  void readsTheRangeFormsResumesUse() {
    range("Senior Engineer — Acme | Jan 2019 – Present", "2019-01", null);
    range("2016-2020", "2016-01", "2020-01");
    range("06/2021 to 03/2023", "2021-06", "2023-03");
    range("May 2025 to Aug 2025", "2025-05", "2025-08");
    range("(Mar 2020 – present)", "2020-03", null);
    range("Sept. 2019 - June 2021", "2019-09", "2021-06");
    range("January '19 – Current", "2019-01", null);
    range("2019-05 to 2021-11", "2019-05", "2021-11");
    range("2019.05 ~ 2021.11", "2019-05", "2021-11");
    range("Jan – Mar 2023", "2023-01", "2023-03");
    range("Nov – Feb 2023", "2022-11", "2023-02");
    range("Spring 2022 - Fall 2023", "2022-01", "2023-12");
    range("2019-20", "2019-01", "2020-01");
    range("since 2020", "2020-01", null);
    range("15/06/2021 until 30/09/2022", "2021-06", "2022-09");
  }

  @Test
  void singleDatesAreMonthsSeasonsOrYears() {
    ResumeDates.Span spring = only("Teaching Assistant   Spring 2022");
    assertFalse(spring.range());
    assertEquals(YearMonth.of(2022, 1), spring.startMonth());
    assertEquals(YearMonth.of(2022, 5), spring.endMonth());
    ResumeDates.Span summer = only("Summer 2019");
    assertEquals(YearMonth.of(2019, 6), summer.startMonth());
    assertEquals(YearMonth.of(2019, 8), summer.endMonth());
    ResumeDates.Span year = only("B.S. Computer Science, 2014");
    assertTrue(year.bareYear());
    assertEquals(2014, year.endYear());
    assertEquals(2, ResumeDates.find("Spring 2022, Spring 2024").size());
  }

  @Test
  void numbersThatAreNotDatesAreNotRead() {
    assertTrue(ResumeDates.find("handled 2,000 requests for $2000 with 2048MB").isEmpty());
    assertTrue(ResumeDates.find("99.9% delivery over 6 months; 1200 riders").isEmpty());
    assertTrue(ResumeDates.find("may 12 of them").isEmpty());
  }

  static Position pos(String start, String end, PositionType type) {
    return new Position("t", "", YearMonth.parse(start),
        Optional.ofNullable(end == null ? null : YearMonth.parse(end)), type, Evidence.NONE);
  }

  @Test
  void presentIsTheCallersClockAndEndMonthsAreInclusive() {
    // Jul 2020 – Jun 2023 and Jul 2023 – present at 2025-07-01: exactly five years
    double y = ResumePositions.years(List.of(pos("2020-07", "2023-06", PositionType.PROFESSIONAL),
        pos("2023-07", null, PositionType.PROFESSIONAL)), CLOCK);
    assertEquals(5.0, y, 1e-9);
    // the same profile a year earlier
    assertEquals(4.0, ResumePositions.years(List.of(
        pos("2020-07", "2023-06", PositionType.PROFESSIONAL),
        pos("2023-07", null, PositionType.PROFESSIONAL)), LocalDate.of(2024, 7, 1)), 1e-9);
    // a day into the month counts as part of it
    assertEquals(1.0 / 12 * 14 / 31, ResumePositions.years(
        List.of(pos("2025-07", null, PositionType.PROFESSIONAL)), LocalDate.of(2025, 7, 15)),
        1e-9);
  }

  @Test
  void overlappingPositionsCountOnce() {
    double y = ResumePositions.years(List.of(
        pos("2020-01", "2022-12", PositionType.PROFESSIONAL),
        pos("2021-06", null, PositionType.PROFESSIONAL),
        pos("2021-01", "2021-03", PositionType.PROFESSIONAL)), CLOCK);
    assertEquals(5.5, y, 1e-9); // Jan 2020 to Jul 2025
  }

  @Test
  void internshipsAndAssistantshipsAreNotExperience() {
    double y = ResumePositions.years(List.of(
        pos("2018-01", "2018-12", PositionType.OTHER),
        pos("2019-06", "2019-08", PositionType.INTERNSHIP),
        pos("2020-01", "2020-12", PositionType.PROFESSIONAL)), CLOCK);
    assertEquals(1.0, y, 1e-9);
  }

  @Test
  void positionsAfterTheClockCountNothingAndEndsAreCutAtIt() {
    assertEquals(0.0, ResumePositions.years(
        List.of(pos("2026-01", null, PositionType.PROFESSIONAL)), CLOCK), 1e-9);
    assertEquals(0.5, ResumePositions.years(
        List.of(pos("2025-01", "2026-12", PositionType.PROFESSIONAL)), CLOCK), 1e-9);
  }

  @Test
  void unionOfIntervalsHandlesNestedAndDisjointOnes() {
    assertEquals(10, ResumeDates.unionMonths(List.of(new double[] {0, 10},
        new double[] {2, 3}, new double[] {5, 9})), 1e-9);
    assertEquals(7, ResumeDates.unionMonths(List.of(new double[] {10, 12},
        new double[] {0, 5})), 1e-9);
    assertEquals(0, ResumeDates.unionMonths(List.of()), 1e-9);
  }

  @Test
  void jobsWhileStudyingAreNotProfessionalUnlessFullTime() {
    List<double[]> study = List.of(new double[] {ResumeDates.monthIndex(YearMonth.of(2023, 1)),
        ResumeDates.monthIndex(YearMonth.of(2027, 5)) + 1});
    YearMonth s = YearMonth.of(2023, 5);
    YearMonth e = YearMonth.of(2024, 8);
    assertEquals(PositionType.OTHER, ResumePositions.type("Sales Associate, Outfitters",
        "Sales Associate", ResumeSections.Type.EXPERIENCE, s, e, study, CLOCK));
    assertEquals(PositionType.PROFESSIONAL, ResumePositions.type("Sales Associate (full-time)",
        "Sales Associate", ResumeSections.Type.EXPERIENCE, s, e, study, CLOCK));
    assertEquals(PositionType.OTHER, ResumePositions.type("Barista (part-time), Cafe",
        "Barista", ResumeSections.Type.EXPERIENCE, YearMonth.of(2019, 1), YearMonth.of(2023, 6),
        study, CLOCK));
    // a career before the degree is professional
    assertEquals(PositionType.PROFESSIONAL, ResumePositions.type("Engineer, Acme", "Engineer",
        ResumeSections.Type.EXPERIENCE, YearMonth.of(2015, 1), YearMonth.of(2022, 12), study,
        CLOCK));
  }

  @Test
  void titlesDecideInternshipsAndAssistantships() {
    YearMonth s = YearMonth.of(2020, 1);
    YearMonth e = YearMonth.of(2020, 6);
    List<double[]> none = List.of();
    for (String t : List.of("Software Engineering Intern", "Data Science Internship",
        "Embedded Software Co-op", "Research Intern (co-op)")) {
      assertEquals(PositionType.INTERNSHIP,
          ResumePositions.type(t, t, ResumeSections.Type.EXPERIENCE, s, e, none, CLOCK), t);
    }
    for (String t : List.of("Graduate Research Assistant", "Teaching Assistant", "TA",
        "Peer Tutor", "Volunteer")) {
      assertEquals(PositionType.OTHER,
          ResumePositions.type(t, t, ResumeSections.Type.EXPERIENCE, s, e, none, CLOCK), t);
    }
    assertEquals(PositionType.PROFESSIONAL, ResumePositions.type("International Sales Manager",
        "International Sales Manager", ResumeSections.Type.EXPERIENCE, s, e, none, CLOCK));
    assertEquals(PositionType.INTERNSHIP, ResumePositions.type("Analyst", "Analyst",
        ResumeSections.Type.INTERNSHIPS, s, e, none, CLOCK));
  }
}
