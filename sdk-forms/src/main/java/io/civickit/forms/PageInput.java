package io.civickit.forms;

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
    Value v = a.value();
    String id = q.id();
    if (v instanceof Value.Date d) {
      LocalDate date = d.value();
      out.put(id + "-day", List.of(Integer.toString(date.getDayOfMonth())));
      out.put(id + "-month", List.of(Integer.toString(date.getMonthValue())));
      out.put(id + "-year", List.of(Integer.toString(date.getYear())));
    } else if (v instanceof Value.Bool b) {
      out.put(id, List.of(b.value() ? "yes" : "no"));
    } else if (v instanceof Value.Items items) {
      List<String> values = new ArrayList<>();
      items.values().forEach(x -> {
        if (x instanceof Value.Text t) {
          values.add(t.value());
        }
      });
      out.put(id, values);
    } else if (v instanceof Value.Fields f && q.type() == QuestionType.ADDRESS) {
      f.values().forEach((k, x) -> {
        if (x instanceof Value.Text t) {
          out.put(id + "-" + k, List.of(t.value()));
        }
      });
    } else if (a.display().isPresent() && !a.display().get().isBlank()
        && q.type() != QuestionType.RADIOS && q.type() != QuestionType.SELECT) {
      out.put(id, List.of(a.display().get()));
    } else if (v instanceof Value.Text t) {
      out.put(id, List.of(t.value()));
    } else if (v instanceof Value.Decimal d) {
      BigDecimal n = d.value();
      out.put(id, List.of(n.toPlainString()));
    }
    return out;
  }
}
