package io.civickit.forms;

import io.civickit.core.Answer;
import io.civickit.core.Journey;
import io.civickit.core.Value;
import io.civickit.core.condition.ConditionContext;
import io.civickit.forms.html.FormRenderer;
import io.civickit.forms.html.SummaryRow;
import io.civickit.forms.internal.journey.AnswerText;
import io.civickit.forms.internal.journey.CompiledForm;
import io.civickit.forms.internal.journey.Route;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rows of a check-your-answers page: one per question asked on the pages actually on the
 * person's route, in route order, skipping questions hidden by their show-if.
 *
 * <pre>{@code
 * for (CheckAnswers.Row row : CheckAnswers.rows(form, journey, locale, clock)) {
 *   // row.question(), row.answer() ("Not provided" when skipped), link to row.changePage()
 * }
 * // the Change link: journeys.change(journey.id(), row.changePage(), Form.CHECK_ANSWERS)
 * }</pre>
 *
 * <p>After a change the engine brings the person back to check your answers, asking first any
 * question the change has made necessary.
 */
public final class CheckAnswers {

  /**
   * One summary row.
   *
   * @param questionId the question's id (answer key)
   * @param question the question's label in the person's language
   * @param answer the answer as shown: what the person typed where that reads better (a phone
   *     number), option labels rather than values, dates as "27 March 2026"; several lines
   *     (an address) are separated by {@code \n}; "Not provided" / "Heb ei ddarparu" when an
   *     optional question was skipped
   * @param provided false when the answer is "Not provided"
   * @param changePage the page to open for the row's Change link
   */
  public record Row(String questionId, String question, String answer, boolean provided, String changePage) {
    /** Checks for nulls. */
    public Row {
      Objects.requireNonNull(questionId, "questionId");
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(changePage, "changePage");
    }

    /**
     * The answer as separate lines, for an address or a list; a one-line answer gives one line.
     *
     * @return the answer split at each {@code \n}
     */
    public List<String> answerLines() {
      return List.of(answer.split("\n", -1));
    }
  }

  private CheckAnswers() {}

  /**
   * The rows ready for {@link FormRenderer#checkAnswers(List, Locale)}: each Change link's
   * visually hidden text is the question's error noun ("Change <i>your date of birth</i>").
   *
   * <pre>{@code
   * String html = FormRenderer.checkAnswers(
   *     CheckAnswers.summaryRows(form, journey, locale, clock, page -> "/apply/change/" + page), locale);
   * }</pre>
   *
   * @param form the form
   * @param journey the journey
   * @param locale the language
   * @param clock the journey engine's clock
   * @param changeHref the link for changing a page, given the page id
   * @return the rows, in route order
   */
  public static List<SummaryRow> summaryRows(Form form, Journey journey, Locale locale, Clock clock,
      Function<String, String> changeHref) {
    return summaryRows(form, journey, locale, changeHref, clock);
  }

  /**
   * {@link #summaryRows(Form, Journey, Locale, Clock, Function)} with "today" taken from the
   * system clock in UK time.
   *
   * @param form the form
   * @param journey the journey
   * @param locale the language
   * @param changeHref the link for changing a page, given the page id
   * @return the rows, in route order
   */
  public static List<SummaryRow> summaryRows(Form form, Journey journey, Locale locale,
      Function<String, String> changeHref) {
    return summaryRows(form, journey, locale, changeHref, FormJourney.defaultClock());
  }

  private static List<SummaryRow> summaryRows(Form form, Journey journey, Locale locale,
      Function<String, String> changeHref, Clock clock) {
    Objects.requireNonNull(changeHref, "changeHref");
    List<SummaryRow> out = new ArrayList<>();
    for (Row r : rows(form, journey, locale, clock)) {
      String noun = form.question(r.questionId()).map(q -> q.errorNoun().in(locale)).orElse(r.question());
      String href = Objects.requireNonNull(changeHref.apply(r.changePage()), "changeHref gave no link for a page");
      out.add(new SummaryRow(r.questionId(), r.question(), r.answer(), Optional.of(href), Optional.of(noun)));
    }
    return List.copyOf(out);
  }

  /**
   * The rows, with "today" (for conditions on dates) taken from the system clock in UK time.
   *
   * @param form the form
   * @param journey the journey
   * @param locale the language ({@code cy} for Welsh)
   * @return the rows, in route order
   */
  public static List<Row> rows(Form form, Journey journey, Locale locale) {
    return rows(form, journey, locale, FormJourney.defaultClock());
  }

  /**
   * The rows.
   *
   * @param form the form
   * @param journey the journey
   * @param locale the language ({@code cy} for Welsh)
   * @param clock the journey engine's clock
   * @return the rows, in route order
   */
  public static List<Row> rows(Form form, Journey journey, Locale locale, Clock clock) {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(journey, "journey");
    Objects.requireNonNull(locale, "locale");
    CompiledForm compiled = new CompiledForm(form);
    Route route = Route.of(form, journey, clock);
    Map<String, Value> values = journey.values();
    ConditionContext ctx = CompiledForm.context(journey, values, LocalDate.now(clock));
    List<Row> rows = new ArrayList<>();
    for (String stepId : route.done()) {
      Page page = form.page(stepId).orElse(null);
      if (page == null || !compiled.shown(page, ctx)) {
        continue;
      }
      for (Question q : page.questions()) {
        if (!compiled.shown(q, ctx)) {
          continue;
        }
        Answer a = journey.answers().get(q.id());
        boolean provided = a != null && AnswerText.provided(a);
        rows.add(new Row(q.id(), q.label().in(locale), AnswerText.format(q, a, locale), provided, page.id()));
      }
    }
    return List.copyOf(rows);
  }
}
