package io.civickit.forms;

import io.civickit.core.Actor;
import io.civickit.core.StartOptions;
import io.civickit.core.Value;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Seeds a form's answers from the host app: a council record it already holds, or the query
 * string of a link ({@code ?postcode=SW1A1AA}). Pre-filled answers are saved marked as
 * pre-filled and supplied by the given actor (usually {@code Actor.system("council-tax")}); the
 * person still sees each pre-filled page and confirms it, after which the answer is theirs.
 *
 * <pre>{@code
 * Map<String, Value> seeds = Prefill.fromInput(form, queryParameters, LocalDate.now(clock));
 * Journey j = journeys.start(form.id(),
 *     Prefill.into(StartOptions.builder(), seeds, Actor.system("link")).build());
 * }</pre>
 */
public final class Prefill {
  private Prefill() {}

  /**
   * Validates untrusted input, such as a query string, against the form's questions, by the same
   * rules as a page. Values for unknown questions, and values that are not valid, are ignored:
   * a link can never put a bad answer into a journey.
   *
   * @param form the form
   * @param input field names to values (the names a page uses: {@code q}, {@code q-day}...)
   * @param today today's date, for date rules
   * @return the valid typed values, by question id
   */
  public static Map<String, Value> fromInput(Form form, Map<String, List<String>> input, LocalDate today) {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(input, "input");
    Map<String, Value> out = new LinkedHashMap<>();
    io.civickit.forms.internal.journey.CompiledForm compiled = new io.civickit.forms.internal.journey.CompiledForm(form);
    for (Question q : form.questions()) {
      boolean present = input.keySet().stream().anyMatch(k -> k.equals(q.id()) || k.startsWith(q.id() + "-"));
      if (!present) {
        continue;
      }
      ValidationResult r = Validation.validate(q, input, Locale.UK, today, compiled.messages());
      if (r instanceof ValidationResult.Valid v && v.value().isPresent()) {
        out.put(q.id(), v.value().get());
      }
    }
    return out;
  }

  /**
   * Checks typed values from a council record against the form's questions.
   *
   * @param form the form
   * @param values typed values by question id
   * @return the same values
   * @throws IllegalArgumentException naming a value for an unknown question, or one that does
   *     not fit its question (a text for a date question, a choice not offered)
   */
  public static Map<String, Value> fromRecord(Form form, Map<String, Value> values) {
    Objects.requireNonNull(form, "form");
    for (Map.Entry<String, Value> e : values.entrySet()) {
      Question q = form.question(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
          "form '" + form.id() + "' has no question '" + e.getKey() + "' to pre-fill"));
      if (!io.civickit.forms.internal.journey.AnswerFit.fits(q, e.getValue())) {
        throw new IllegalArgumentException("a " + e.getValue().typeName() + " value does not fit question '"
            + q.id() + "' of type " + q.type().jsonName());
      }
    }
    return Map.copyOf(values);
  }

  /**
   * Adds values to start options as pre-filled answers.
   *
   * @param options the start options being built
   * @param values typed values by question id
   * @param source who supplied them
   * @return {@code options}
   */
  public static StartOptions.Builder into(StartOptions.Builder options, Map<String, Value> values, Actor source) {
    Objects.requireNonNull(source, "source");
    values.forEach((k, v) -> options.prefill(k, v, source));
    return options;
  }
}
