package io.civickit.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** Weekdays 9 to 5, Saturday mornings, bank holidays closed, a short Christmas Eve. */
  static OpeningHours contactCentre() {
    return OpeningHours.builder(LONDON)
        .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
        .open(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))
        .closedOn(BankHolidays.englandAndWales(2025, 2027))
        .hoursOn(LocalDate.of(2026, 12, 24), LocalTime.of(9, 0), LocalTime.of(13, 0))
        .build();
  }

  @Test
  void openInsideWeeklyHoursAndClosedOutsideThem() {
    OpeningHours h = contactCentre();
    assertThat(h.isOpen(Instant.parse("2026-11-27T09:00:00Z"))).isTrue(); // Friday, GMT
    assertThat(h.isOpen(Instant.parse("2026-11-27T16:59:59Z"))).isTrue();
    assertThat(h.isOpen(Instant.parse("2026-11-27T17:00:00Z"))).isFalse(); // the end is exclusive
    assertThat(h.isOpen(Instant.parse("2026-11-29T10:00:00Z"))).isFalse(); // Sunday
    // British Summer Time: 08:30 UTC is 09:30 in London
    assertThat(h.isOpen(Instant.parse("2026-07-01T08:30:00Z"))).isTrue();
    assertThat(h.isOpen(Instant.parse("2026-07-01T16:30:00Z"))).isFalse();
  }

  @Test
  void nextOpeningSkipsTheWeekendBankHolidaysAndUsesExceptions() {
    OpeningHours h = contactCentre();
    assertThat(h.nextOpening(Instant.parse("2026-11-27T17:30:00Z"))).contains(Instant.parse("2026-11-28T09:00:00Z"));
    assertThat(h.nextOpening(Instant.parse("2026-11-28T12:30:00Z"))).contains(Instant.parse("2026-11-30T09:00:00Z"));
    // Christmas Eve closes at 1pm; Christmas Day is a bank holiday; Saturday 26th opens as usual
    assertThat(h.isOpen(Instant.parse("2026-12-24T12:59:00Z"))).isTrue();
    assertThat(h.nextOpening(Instant.parse("2026-12-24T13:00:00Z"))).contains(Instant.parse("2026-12-26T09:00:00Z"));
    // Monday 28th is the substitute Boxing Day
    assertThat(h.nextOpening(Instant.parse("2026-12-26T12:00:00Z"))).contains(Instant.parse("2026-12-29T09:00:00Z"));
    assertThat(h.nextOpening(Instant.parse("2026-11-27T10:00:00Z"))).contains(Instant.parse("2026-11-27T10:00:00Z"));
  }

  @Test
  void openTimeIsAddedAcrossClosedPeriods() {
    OpeningHours h = contactCentre();
    // Friday 4pm + 5 hours of open time: 1 on Friday, 3 on Saturday morning, 1 on Monday
    assertThat(h.addOpenTime(Instant.parse("2026-11-27T16:00:00Z"), Duration.ofHours(5)))
        .contains(Instant.parse("2026-11-30T10:00:00Z"));
    assertThat(OpeningHours.always().addOpenTime(Instant.parse("2026-11-27T16:00:00Z"), Duration.ofHours(5)))
        .contains(Instant.parse("2026-11-27T21:00:00Z"));
  }

  @Test
  void aCalendarWithNoHoursNeverOpens() {
    OpeningHours never = OpeningHours.builder(LONDON).build();
    assertThat(never.isOpen(Instant.parse("2026-11-27T10:00:00Z"))).isFalse();
    assertThat(never.nextOpening(Instant.parse("2026-11-27T10:00:00Z"))).isEmpty();
  }

  @Test
  void overlappingPeriodsAreRefusedWithTheirTimes() {
    assertThatThrownBy(() -> OpeningHours.builder(LONDON).open(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))
        .open(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(17, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12:00-17:00").hasMessageContaining("09:00-13:00");
    assertThatThrownBy(() -> OpeningHours.builder(LONDON).open(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timesAreDescribedTheGovUkWay() {
    assertThat(OpeningHours.describe(Instant.parse("2026-11-28T09:00:00Z"), LONDON)).isEqualTo("at 9am on Saturday 28 November");
    assertThat(OpeningHours.time(LocalTime.of(17, 30))).isEqualTo("5:30pm");
    assertThat(OpeningHours.time(LocalTime.NOON)).isEqualTo("midday");
    assertThat(OpeningHours.time(LocalTime.MIDNIGHT)).isEqualTo("midnight");
  }

  @Test
  void bankHolidaysMatchThePublishedEnglandAndWalesDates() {
    // As published at https://www.gov.uk/bank-holidays
    assertThat(BankHolidays.englandAndWales(2025)).containsExactly(d("2025-01-01"), d("2025-04-18"), d("2025-04-21"),
        d("2025-05-05"), d("2025-05-26"), d("2025-08-25"), d("2025-12-25"), d("2025-12-26"));
    assertThat(BankHolidays.englandAndWales(2026)).containsExactly(d("2026-01-01"), d("2026-04-03"), d("2026-04-06"),
        d("2026-05-04"), d("2026-05-25"), d("2026-08-31"), d("2026-12-25"), d("2026-12-28"));
    assertThat(BankHolidays.englandAndWales(2027)).containsExactly(d("2027-01-01"), d("2027-03-26"), d("2027-03-29"),
        d("2027-05-03"), d("2027-05-31"), d("2027-08-30"), d("2027-12-27"), d("2027-12-28"));
    assertThat(BankHolidays.englandAndWales(2022).get(0)).isEqualTo(d("2022-01-03")); // New Year's Day on a Saturday
    assertThat(BankHolidays.englandAndWales(2025, 2027)).hasSize(24);
  }

  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void easterSundayIsRightForKnownYears() {
    for (List<Object> c : List.<List<Object>>of(List.of(2024, "2024-03-31"), List.of(2025, "2025-04-20"),
        List.of(2038, "2038-04-25"), List.of(2008, "2008-03-23"))) {
      assertThat(BankHolidays.easterSunday((Integer) c.get(0))).isEqualTo(d((String) c.get(1)));
    }
  }
}
