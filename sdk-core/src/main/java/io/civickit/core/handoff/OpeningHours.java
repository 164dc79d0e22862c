package io.civickit.core.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When an assisted channel is staffed: weekly hours, dates with different hours (exceptions),
 * and dates it is closed (bank holidays, training days), in one time zone.
 *
 * <pre>{@code
 * OpeningHours contactCentre = OpeningHours.builder(ZoneId.of("Europe/London"))
 *     .weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))
 *     .open(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))
 *     .closedOn(BankHolidays.englandAndWales(2025, 2027))
 *     .hoursOn(LocalDate.of(2026, 12, 24), LocalTime.of(9, 0), LocalTime.of(13, 0))
 *     .build();
 * }</pre>
 *
 * <p>Each period is open from its start (inclusive) to its end (exclusive). Immutable and thread-safe.
 */
public final class OpeningHours {

  /**
   * One period of opening on a day: from {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @param from when the period starts, in the calendar's time zone
   * @param to when it ends, in the calendar's time zone; a period cannot run past midnight
   */
  public record Period(LocalTime from, LocalTime to) {
    /** Checks that the period ends after it starts. */
    public Period {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (!to.isAfter(from)) {
        throw new IllegalArgumentException("an opening period must end after it starts, but was " + from + "-" + to);
      }
    }

    boolean contains(LocalTime t) {
      return !t.isBefore(from) && t.isBefore(to);
    }
  }

  private static final int SEARCH_DAYS = 400;

  private final ZoneId zone;
  private final Map<DayOfWeek, List<Period>> weekly;
  private final Map<LocalDate, List<Period>> exceptions;
  private final boolean always;

  private OpeningHours(ZoneId zone, Map<DayOfWeek, List<Period>> weekly, Map<LocalDate, List<Period>> exceptions,
      boolean always) {
    this.zone = zone;
    this.weekly = weekly;
    this.exceptions = exceptions;
    this.always = always;
  }

  /** Starts a calendar in a time zone (councils in England and Wales use {@code Europe/London}). */
  public static Builder builder(ZoneId zone) {
    return new Builder(zone);
  }

  /** Open at all times: for channels that are never staffed live (a team inbox, a case queue). */
  public static OpeningHours always() {
    return new OpeningHours(ZoneId.of("Europe/London"), Map.of(), Map.of(), true);
  }

  /** The time zone the hours are in. */
  public ZoneId zone() {
    return zone;
  }

  /** The periods open on a date: its exception if it has one, otherwise its weekday's hours. */
  public List<Period> periodsOn(LocalDate date) {
    if (always) {
      return List.of(new Period(LocalTime.MIN, LocalTime.MAX));
    }
    List<Period> special = exceptions.get(date);
    return special != null ? special : weekly.getOrDefault(date.getDayOfWeek(), List.of());
  }

  /** True if open at this instant. */
  public boolean isOpen(Instant at) {
    if (always) {
      return true;
    }
    ZonedDateTime local = at.atZone(zone);
    LocalTime t = local.toLocalTime();
    return periodsOn(local.toLocalDate()).stream().anyMatch(p -> p.contains(t));
  }

  /**
   * The next time it opens, after {@code at}; {@code at} itself if open then. Empty when it
   * never opens within about a year (a calendar with no hours).
   */
  public Optional<Instant> nextOpening(Instant at) {
    if (isOpen(at)) {
      return Optional.of(at);
    }
    ZonedDateTime local = at.atZone(zone);
    LocalDate day = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    for (int i = 0; i < SEARCH_DAYS; i++) {
      LocalDate d = day.plusDays(i);
      for (Period p : periodsOn(d)) {
        if (i > 0 || p.from().isAfter(time)) {
          return Optional.of(ZonedDateTime.of(LocalDateTime.of(d, p.from()), zone).toInstant());
        }
      }
    }
    return Optional.empty();
  }

  /** When the current opening period ends, if open at {@code at}. */
  public Optional<Instant> closesAt(Instant at) {
    if (always || !isOpen(at)) {
      return Optional.empty();
    }
    ZonedDateTime local = at.atZone(zone);
    LocalTime t = local.toLocalTime();
    return periodsOn(local.toLocalDate()).stream().filter(p -> p.contains(t)).findFirst()
        .map(p -> ZonedDateTime.of(LocalDateTime.of(local.toLocalDate(), p.to()), zone).toInstant());
  }

  /**
   * The instant {@code work} of open time after {@code from}: for a promise such as "within 4
   * working hours". Empty if the calendar does not have that much open time within about a year.
   */
  public Optional<Instant> addOpenTime(Instant from, java.time.Duration work) {
    if (always) {
      return Optional.of(from.plus(work));
    }
    java.time.Duration left = work;
    Instant cursor = from;
    for (int guard = 0; guard < SEARCH_DAYS * 4; guard++) {
      Optional<Instant> open = nextOpening(cursor);
      if (open.isEmpty()) {
        return Optional.empty();
      }
      cursor = open.get();
      Instant end = closesAt(cursor).orElseThrow();
      java.time.Duration available = java.time.Duration.between(cursor, end);
      if (available.compareTo(left) >= 0) {
        return Optional.of(cursor.plus(left));
      }
      left = left.minus(available);
      cursor = end;
    }
    return Optional.empty();
  }

  /**
   * A time in the GOV.UK style for telling a person when: "at 9am on Monday 4 January" (with
   * "today" and "tomorrow" left to the caller's page, which knows its own wording).
   */
  public static String describe(Instant at, ZoneId zone) {
    ZonedDateTime t = at.atZone(zone);
    return "at " + time(t.toLocalTime()) + " on " + t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + " "
        + t.getDayOfMonth() + " " + t.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
  }

  /** A time as GOV.UK writes it: 9am, 5:30pm, midday, midnight. */
  public static String time(LocalTime t) {
    if (t.equals(LocalTime.NOON)) {
      return "midday";
    }
    if (t.equals(LocalTime.MIDNIGHT)) {
      return "midnight";
    }
    int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    String suffix = t.getHour() < 12 ? "am" : "pm";
    return t.getMinute() == 0 ? h + suffix : h + ":" + String.format(Locale.ROOT, "%02d", t.getMinute()) + suffix;
  }

  @Override
  public String toString() {
    return always ? "OpeningHours[always]" : "OpeningHours[" + zone + ", " + weekly + ", " + exceptions.size() + " exceptions]";
  }

  /** Builds {@link OpeningHours}. */
  public static final class Builder {
    private final ZoneId zone;
    private final Map<DayOfWeek, List<Period>> weekly = new EnumMap<>(DayOfWeek.class);
    private final Map<LocalDate, List<Period>> exceptions = new TreeMap<>();

    private Builder(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Open on every {@code day} from {@code from} to {@code to}; call again to add a second period. */
    public Builder open(DayOfWeek day, LocalTime from, LocalTime to) {
      Objects.requireNonNull(day, "day");
      add(weekly.computeIfAbsent(day, d -> new ArrayList<>()), new Period(from, to), day.toString());
      return this;
    }

    /** Open Monday to Friday from {@code from} to {@code to}. */
    public Builder weekdays(LocalTime from, LocalTime to) {
      for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY)) {
        open(d, from, to);
      }
      return this;
    }

    /** Closed all day on this date (a bank holiday, a training day). */
    public Builder closedOn(LocalDate date) {
      Objects.requireNonNull(date, "date");
      if (exceptions.containsKey(date) && !exceptions.get(date).isEmpty()) {
        throw new IllegalArgumentException(date + " already has special opening hours");
      }
      exceptions.put(date, new ArrayList<>());
      return this;
    }

    /** Closed all day on each of these dates (for example {@link BankHolidays#englandAndWales}). */
    public Builder closedOn(Collection<LocalDate> dates) {
      dates.forEach(this::closedOn);
      return this;
    }

    /** Different hours on one date (Christmas Eve); replaces that weekday's hours for the date. */
    public Builder hoursOn(LocalDate date, LocalTime from, LocalTime to) {
      Objects.requireNonNull(date, "date");
      List<Period> periods = exceptions.computeIfAbsent(date, d -> new ArrayList<>());
      add(periods, new Period(from, to), date.toString());
      return this;
    }

    private static void add(List<Period> periods, Period p, String what) {
      for (Period q : periods) {
        if (p.from().isBefore(q.to()) && q.from().isBefore(p.to())) {
          throw new IllegalArgumentException("opening period " + p.from() + "-" + p.to() + " on " + what
              + " overlaps " + q.from() + "-" + q.to());
        }
      }
      periods.add(p);
      periods.sort(java.util.Comparator.comparing(Period::from));
    }

    /** Builds the calendar. */
    public OpeningHours build() {
      Map<DayOfWeek, List<Period>> w = new EnumMap<>(DayOfWeek.class);
      weekly.forEach((k, v) -> w.put(k, List.copyOf(v)));
      Map<LocalDate, List<Period>> e = new TreeMap<>();
      exceptions.forEach((k, v) -> e.put(k, List.copyOf(v)));
      return new OpeningHours(zone, Collections.unmodifiableMap(w), Collections.unmodifiableMap(e), false);
    }
  }
}
