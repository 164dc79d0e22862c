package io.civickit.forms;

import io.civickit.core.FieldError;
import io.civickit.core.Value;
import io.civickit.forms.internal.journey.CompiledForm;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Validates one page of a form outside a journey, by the same rules as the journey step: for
 * previews, the command line, and host apps that keep answers themselves. Questions hidden by
 * their show-if are not validated.
 *
 * <pre>{@code
 * PageCheck check = PageCheck.of(form, "contact", input, Map.of(), Locale.UK, LocalDate.now(clock));
 * if (!check.valid()) { ... check.errors() ... }
 * }</pre>
 *
 * @param pageId the page checked
 * @param errors the first error of each question in error, in page order; empty when valid
 * @param answers the normalised typed answers of the questions shown, by id, in page order; an
 *     optional question left blank maps to empty
 * @param display each answer as it is shown back (what the person typed, where that reads better)
 * @param hidden ids of the questions hidden by their show-if
 */
public record PageCheck(String pageId, List<FieldError> errors, Map<String, Optional<Value>> answers,
    Map<String, String> display, Set<String> hidden) {

  /** Copies the collections. */
  public PageCheck {
    Objects.requireNonNull(pageId, "pageId");
    errors = List.copyOf(errors);
    answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    display = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(display));
    hidden = Set.copyOf(hidden);
  }

  /**
   * Whether the page can be accepted.
   *
   * @return true when there are no errors
   */
  public boolean valid() {
    return errors.isEmpty();
  }

  /**
   * Checks a page.
   *
   * @param form the form
   * @param pageId the page id
   * @param input the fields submitted, by name, as a browser sends them
   * @param otherAnswers typed answers to questions on other pages, for show-if conditions
   * @param locale the language of error messages ({@code cy} for Welsh)
   * @param today today's date, for date rules
   * @return the check
   * @throws IllegalArgumentException if the form has no such page
   */
  public static PageCheck of(Form form, String pageId, Map<String, List<String>> input,
      Map<String, Value> otherAnswers, Locale locale, LocalDate today) {
    return of(form, pageId, input, otherAnswers, Map.of(), locale, today);
  }

  /**
   * Checks a page, with journey attributes for conditions such as {@code journey.channel}.
   *
   * @param form the form
   * @param pageId the page id
   * @param input the fields submitted
   * @param otherAnswers typed answers to questions on other pages
   * @param attributes journey attributes by name
   * @param locale the language of error messages
   * @param today today's date
   * @return the check
   * @throws IllegalArgumentException if the form has no such page
   */
  public static PageCheck of(Form form, String pageId, Map<String, List<String>> input,
      Map<String, Value> otherAnswers, Map<String, Value> attributes, Locale locale, LocalDate today) {
    Page page = form.page(pageId).orElseThrow(() -> new IllegalArgumentException("form '" + form.id()
        + "' has no page '" + pageId + "'; its pages are " + form.pages().stream().map(Page::id).toList()));
    CompiledForm.PageOutcome o = new CompiledForm(form).validate(page, otherAnswers, attributes, input, locale, today);
    Map<String, Optional<Value>> answers = new LinkedHashMap<>();
    Map<String, String> display = new LinkedHashMap<>();
    for (Map.Entry<String, ValidationResult.Valid> e : o.valid().entrySet()) {
      answers.put(e.getKey(), e.getValue().value());
      display.put(e.getKey(), e.getValue().display());
    }
    return new PageCheck(pageId, o.errors(), answers, display, o.hidden());
  }
}
