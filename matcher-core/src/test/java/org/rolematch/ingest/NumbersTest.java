package org.rolematch.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NumbersTest {
  private static Integer years(String s) {
    int[] y = Numbers.minYears(s);
    return y == null ? null : y[0];
  }

  @Test
  void minimumYearsInTheirUsualForms() {
    assertEquals(4, years("4+ years of experience analyzing data"));
    assertEquals(6, years("at least 6 years of industry experience"));
    assertEquals(2, years("2-3 years of CS classes"));
    assertEquals(5, years("five or more years of experience"));
    assertEquals(3, years("Minimum of 3 yrs in backend development"));
    assertEquals(1, years("at least one year of experience working with data"));
    assertNull(years("Experience with SQL"));
    assertNull(years("Applications open in Fall 2024 for four-year students"));
  }

  @Test
  void salaryRangesWithPeriodAndCurrency() {
    assertArrayEquals(new Object[] {10000.0, 11000.0, "USD", "month"},
        Numbers.salary("The salary for this position is $10,000-$11,000 monthly."));
    assertArrayEquals(new Object[] {150000.0, 210000.0, "USD", "year"},
        Numbers.salary("The US base salary range for this full-time position is $150,000-$210,000 + bonus"));
    assertArrayEquals(new Object[] {11000.0, 11000.0, "USD", "month"},
        Numbers.salary("The salary for this position is 11,000 monthly."));
    assertArrayEquals(new Object[] {120000.0, 150000.0, "EUR", "year"},
        Numbers.salary("Salary: \u20ac120k - \u20ac150k per year"));
    assertNull(Numbers.salary("No figures here"));
  }
}
