package io.civickit.core.handoff.internal;

import io.civickit.core.Answer;
import io.civickit.core.Value;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** An answer as readable text for an adviser. */
public final class AnswerText {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private AnswerText() {}

  /** How the person typed it if known, otherwise the value written out. */
  public static String of(Answer a) {
    return a.display().orElseGet(() -> of(a.value()));
  }

  /** A value written out: yes/no, dates as "4 January 2026", lists comma-separated, groups as "name: value". */
  public static String of(Value v) {
    if (v instanceof Value.Text t) {
      return t.value();
    } else if (v instanceof Value.Decimal d) {
      return d.value().toPlainString();
    } else if (v instanceof Value.Bool b) {
      return b.value() ? "Yes" : "No";
    } else if (v instanceof Value.Date d) {
      return d.value().format(DATE);
    } else if (v instanceof Value.Items items) {
      return items.values().stream().map(AnswerText::of).collect(Collectors.joining(", "));
    }
    Value.Fields f = (Value.Fields) v;
    return f.values().entrySet().stream().map(e -> e.getKey() + ": " + of(e.getValue()))
        .collect(Collectors.joining("; "));
  }
}
