package io.civickit.forms;

import static io.civickit.forms.FormJourneyTest.in;
import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.FieldError;
import io.civickit.core.Value;
import io.civickit.forms.html.FormOptions;
import io.civickit.forms.html.FormRenderer;
import io.civickit.forms.validation.AnswerFormat;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A month and year: the date input with month and year only, the date input's messages, compared by month. */
public class MonthYearTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final Locale CY = Locale.forLanguageTag("cy");

  public static final Question MOVED = Question.builder("moved_in", QuestionType.MONTH_YEAR)
      .label("When did you move in?", "Pryd symudoch chi i mewn?")
      .errorNoun("when you moved in", "pryd symudoch chi i mewn")
      .errorSubject("The date you moved in", "y dyddiad y symudoch chi i mewn")
      .dateRule(Question.DateRule.TODAY_OR_PAST).build();

  static List<FieldError> errors(Map<String, List<String>> input, Locale locale) {
    return ((ValidationResult.Invalid) Validation.validate(MOVED, input, locale, TODAY)).errors();
  }

  @Test
  void monthAndYearAreReadAsTheFirstOfTheMonthAndShownAsMonthAndYear() {
    ValidationResult r = Validation.validate(MOVED, in("moved_in-month", "apr", "moved_in-year", "2024"), Locale.UK, TODAY);
    assertThat(r).isEqualTo(new ValidationResult.Valid(Optional.of(Value.date(LocalDate.of(2024, 4, 1))), "April 2024"));
    // this month is "today or in the past"
    assertThat(Validation.validate(MOVED, in("moved_in-month", "11", "moved_in-year", "2026"), Locale.UK, TODAY))
        .isInstanceOf(ValidationResult.Valid.class);
    assertThat(AnswerFormat.display(MOVED, Value.date(LocalDate.of(2024, 4, 1)), CY)).isEqualTo("Ebrill 2024");
  }

  @Test
  void messagesNameOnlyThePartsInErrorInEnglishAndWelsh() {
    assertThat(errors(Map.of(), Locale.UK)).containsExactly(new FieldError("moved_in-month", "Enter when you moved in"),
        new FieldError("moved_in-year", "Enter when you moved in"));
    assertThat(errors(in("moved_in-year", "2024"), Locale.UK))
        .containsExactly(new FieldError("moved_in-month", "The date you moved in must include a month"));
    assertThat(errors(in("moved_in-month", "13", "moved_in-year", "2024"), Locale.UK))
        .containsExactly(new FieldError("moved_in-month", "The date you moved in must be a real date"));
    assertThat(errors(in("moved_in-month", "12", "moved_in-year", "2026"), Locale.UK)).extracting(FieldError::message)
        .containsOnly("The date you moved in must be today or in the past");
    assertThat(errors(in("moved_in-month", "4", "moved_in-year", "24"), Locale.UK))
        .containsExactly(new FieldError("moved_in-year", "Year must include 4 numbers"));
    assertThat(errors(in("moved_in-year", "2024"), CY)).extracting(FieldError::message)
        .containsExactly("Rhaid i’r dyddiad y symudoch chi i mewn gynnwys mis");
  }

  @Test
  void rendersTheDateInputWithoutADayAndLinksTheSummaryToTheMonth() {
    Page page = Page.builder("moved").question(MOVED).build();
    FormRenderer r = new FormRenderer("Council tax");
    Document d = Jsoup.parse(r.renderPage(page, in("moved_in-year", "2024"),
        List.of(new FieldError("moved_in-month", "The date you moved in must include a month")), Locale.UK,
        FormOptions.NONE));
    assertThat(d.select(".govuk-date-input input")).extracting(e -> e.id()).containsExactly("moved_in-month", "moved_in-year");
    assertThat(d.select("fieldset[role=group] legend h1").text()).isEqualTo("When did you move in?");
    assertThat(d.select("input.govuk-input--error")).extracting(e -> e.id()).containsExactly("moved_in-month");
    assertThat(d.select("#moved_in-year").val()).isEqualTo("2024");
    assertThat(d.select(".govuk-error-summary a").attr("href")).isEqualTo("#moved_in-month");
    Form form = Form.builder("f", 1).title("F", "F").page(page).end(new FormEnd("done", LocalisedText.of("Done", "Wedi"),
        LocalisedText.of("Thanks", "Diolch"), io.civickit.core.Outcome.SUCCESS)).build();
    assertThat(Forms.read(Forms.write(form))).isEqualTo(form);
  }
}
