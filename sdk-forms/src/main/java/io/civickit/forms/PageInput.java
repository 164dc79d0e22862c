package io.civickit.forms;

import io.civickit.forms.internal.fields.FieldNames;
import io.civickit.core.Answer;
import io.civickit.core.Journey;
import io.civickit.core.Value;
import io.civickit.forms.internal.journey.AnswerText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to show in a page's inputs: what the person typed last time the page had errors (the
 * journey's draft), otherwise their saved answers (including pre-filled ones) turned back into
 * input fields. Pass it to the renderer as the raw input.
 *
 * <pre>{@code
 * String html = renderer.renderPage(page, PageInput.of(page, journey), errors, locale);
 * }</pre>
 */
public final class PageInput {
  private PageInput() {}

  /**
   * The input fields for a page: the journey's draft for the page if it has one, otherwise the
   * saved answers to the page's questions. Questions not answered have no fields.
   *
   * @param page the page
   * @param journey the journey
   * @return field names to values, as a browser would send them
   */
  public static Map<String, List<String>> of(Page page, Journey journey) {
    Objects.requireNonNull(page, "page");
    Map<String, List<String>> draft = journey.drafts().get(page.id());
    if (draft != null) {
      return draft;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Question q : page.questions()) {
      Answer a = journey.answers().get(q.id());
      if (a != null && AnswerText.provided(a)) {
        out.putAll(fields(q, a));
      }
    }
    return out;
  }

  /**
   * One answer as input fields.
   *
   * @param q the question
   * @param a its answer
   * @return field names to values
   */
  public static Map<String, List<String>> fields(Question q, Answer a) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    put(out, q, q.id(), a.value(), a.display());
    return out;
  }

  /**
   * Adds one value's input fields under {@code base}: the question's id, or for an item of a
   * repeating group {@code group[i].item}.
   */
  private static void put(Map<String, List<String>> out, Question q, String base, Value v, Optional<String> display) {
    if (q.type() == QuestionType.REPEATING_GROUP && v instanceof Value.Items items) {
      int i = 0;
      for (Value item : items.values()) {
        if (item instanceof Value.Fields f) {
          for (Question iq : q.items()) {
            Value x = f.values().get(iq.id());
            if (x != null) {
              put(out, iq, base + "[" + i + "]." + iq.id(), x, Optional.empty());
            }
          }
          i++;
        }
      }
      out.put(FieldNames.itemCount(base), List.of(Integer.toString(Math.max(i, 1))));
    } else if (v instanceof Value.Date d) {
      LocalDate date = d.value();
      if (q.type() != QuestionType.MONTH_YEAR) {
        out.put(FieldNames.part(base, "day"), List.of(Integer.toString(date.getDayOfMonth())));
      }
      out.put(FieldNames.part(base, "month"), List.of(Integer.toString(date.getMonthValue())));
      out.put(FieldNames.part(base, "year"), List.of(Integer.toString(date.getYear())));
    } else if (v instanceof Value.Bool b) {
      out.put(base, List.of(b.value() ? "yes" : "no"));
    } else if (v instanceof Value.Items items) {
      List<String> values = new ArrayList<>();
      items.values().forEach(x -> {
        if (x instanceof Value.Text t) {
          values.add(t.value());
        }
      });
      out.put(base, values);
    } else if (v instanceof Value.Fields f
        && (q.type() == QuestionType.ADDRESS || q.type() == QuestionType.FIRST_AND_LAST_NAME
            || q.type() == QuestionType.INTERNATIONAL_ADDRESS)) {
      f.values().forEach((k, x) -> {
        if (x instanceof Value.Text t) {
          out.put(base + "-" + k, List.of(t.value()));
        }
      });
    } else if (display.isPresent() && !display.get().isBlank()
        && q.type() != QuestionType.RADIOS && q.type() != QuestionType.SELECT) {
      out.put(base, List.of(display.get()));
    } else if (v instanceof Value.Text t) {
      out.put(base, List.of(t.value()));
    } else if (v instanceof Value.Decimal d) {
      BigDecimal n = d.value();
      out.put(base, List.of(n.toPlainString()));
    }
  }
}
