package io.civickit.forms.html;

import io.civickit.core.FieldError;
import io.civickit.forms.Content;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.internal.fields.FieldNames;
import io.civickit.forms.internal.html.Govuk;
import io.civickit.forms.internal.html.Govuk.ErrorLink;
import io.civickit.forms.internal.html.Govuk.Field;
import io.civickit.forms.internal.html.Govuk.Option;
import io.civickit.forms.internal.html.InputAttributes;
import io.civickit.forms.internal.html.Lang;
import io.civickit.forms.internal.html.Markdown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Renders form pages, check-your-answers and task lists as GOV.UK Frontend 5 HTML, in English
 * or Welsh. All text is escaped with the OWASP Java Encoder, so answers, labels, hints and
 * messages always come out as text. Forms carry {@code novalidate} and no input is ever
 * {@code required}.
 *
 * <p>{@code raw} holds what the person typed, keyed by field name as a browser sends it (see
 * {@link io.civickit.forms.validation.Validation}): inputs always show it back unchanged.
 * Errors come either as validation gives them, a list of {@link FieldError} naming the inputs
 * ({@code dob-month}, {@code address-town}, {@code children[1].name}), or, for simple pages, a
 * map from question id to message.
 *
 * <pre>{@code
 * FormRenderer renderer = new FormRenderer("Apply for a garden waste permit");
 * String html = renderer.renderPage(page, input, errors, locale, Map.of("csrf", token));
 * }</pre>
 */
// Over 500 lines and kept whole: the public entry point for form HTML, mostly overloads (errors by
// question or by field, with or without options) and the one switch from question type to GOV.UK
// component; the components' HTML is already apart, in internal.html.Govuk.
public final class FormRenderer {

  private final String serviceName;

  /**
   * Creates a renderer.
   *
   * @param serviceName the service name used in page titles, for example "Report a missed bin"
   */
  public FormRenderer(String serviceName) {
    this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
  }

  // ------------------------------------------------------------------ pages, errors by question

  /**
   * Renders a whole HTML page. The title is prefixed "Error: " ("Gwall: " in Welsh) when there
   * are errors.
   *
   * @param page the page
   * @param raw what the person typed, by field name
   * @param errors error messages by question id
   * @param locale the language
   * @return the HTML document
   */
  public String renderPage(Page page, Map<String, List<String>> raw, Map<String, String> errors, Locale locale) {
    return renderPage(page, raw, byQuestion(page, errors), locale, Map.of());
  }

  /**
   * The error summary for a page (empty when there are no errors).
   *
   * @param page the page
   * @param errors error messages by question id
   * @param locale the language
   * @return the HTML fragment
   */
  public String renderErrorSummary(Page page, Map<String, String> errors, Locale locale) {
    return renderErrorSummary(page, byQuestion(page, errors), locale);
  }

  /**
   * The form element: a heading when the page has a title, each question, and Continue.
   *
   * @param page the page
   * @param raw what the person typed
   * @param errors error messages by question id
   * @param locale the language
   * @return the HTML fragment
   */
  public String renderForm(Page page, Map<String, List<String>> raw, Map<String, String> errors, Locale locale) {
    return renderForm(page, raw, byQuestion(page, errors), locale, Map.of());
  }

  private static List<FieldError> byQuestion(Page page, Map<String, String> errors) {
    List<FieldError> out = new ArrayList<>();
    for (Question q : page.questions()) {
      String m = errors.get(q.id());
      if (m != null) {
        if (q.type() == QuestionType.DATE || q.type() == QuestionType.MONTH_YEAR) {
          for (String field : FieldNames.dateFields(q.id(), q.type() == QuestionType.MONTH_YEAR)) {
            out.add(new FieldError(field, m));
          }
        } else {
          out.add(new FieldError(FieldNames.firstField(q, q.id()), m));
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ pages, field errors

  /**
   * Renders a whole HTML page from validation's field errors.
   *
   * @param page the page
   * @param raw what the person typed, by field name
   * @param errors the errors, as {@code ValidationResult.Invalid.errors()} or a journey gives them
   * @param locale the language
   * @param hiddenFields hidden inputs to add to the form, such as a CSRF token
   * @return the HTML document
   */
  public String renderPage(Page page, Map<String, List<String>> raw, List<FieldError> errors, Locale locale,
      Map<String, String> hiddenFields) {
    return renderPage(page, raw, errors, locale,
        hiddenFields == null ? FormOptions.NONE : FormOptions.hidden(hiddenFields));
  }

  /**
   * Renders a whole HTML page from validation's field errors, with what the host page adds to
   * the form (see {@link FormOptions}).
   *
   * @param page the page
   * @param raw what the person typed, by field name
   * @param errors the field errors
   * @param locale the language
   * @param options hidden fields, a sentence under the heading, button texts, secondary buttons
   * @return the HTML document
   */
  public String renderPage(Page page, Map<String, List<String>> raw, List<FieldError> errors, Locale locale,
      FormOptions options) {
    Lang lang = Lang.of(locale);
    String title = page.title().map(t -> t.in(locale)).orElseGet(() -> page.questions().get(0).label().in(locale));
    return Govuk.page(title, serviceName, !errors.isEmpty(), lang,
        renderErrorSummary(page, errors, locale) + renderForm(page, raw, errors, locale, options));
  }

  /**
   * The error summary: "There is a problem", then one link per question in error to its first
   * input in error (a date's first part in error, each bad line of an address, each bad input of
   * a repeating group's items), in page order.
   *
   * @param page the page
   * @param errors the field errors
   * @param locale the language
   * @return the HTML fragment, empty when there are no errors
   */
  public String renderErrorSummary(Page page, List<FieldError> errors, Locale locale) {
    List<ErrorLink> links = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Set<FieldError> used = new LinkedHashSet<>();
    for (Question q : page.questions()) {
      for (FieldError e : errors) {
        if (belongsTo(e.field(), q.id())) {
          used.add(e);
          String key = stripDatePart(e.field()) + "\u0000" + e.message();
          if (seen.add(key)) {
            links.add(new ErrorLink(e.field(), e.message()));
          }
          if (q.type() != QuestionType.ADDRESS && q.type() != QuestionType.REPEATING_GROUP
              && q.type() != QuestionType.FIRST_AND_LAST_NAME && q.type() != QuestionType.INTERNATIONAL_ADDRESS) {
            break;
          }
        }
      }
    }
    for (FieldError e : errors) {
      if (!used.contains(e) && page.questions().stream().noneMatch(q -> belongsTo(e.field(), q.id()))
          && seen.add(e.field() + "\u0000" + e.message())) {
        links.add(new ErrorLink(e.field(), e.message()));
      }
    }
    return Govuk.errorSummary(links, Lang.of(locale));
  }

  /**
   * The form element from validation's field errors.
   *
   * @param page the page
   * @param raw what the person typed
   * @param errors the field errors
   * @param locale the language
   * @param hiddenFields hidden inputs to add first, such as a CSRF token
   * @return the HTML fragment
   */
  public String renderForm(Page page, Map<String, List<String>> raw, List<FieldError> errors, Locale locale,
      Map<String, String> hiddenFields) {
    return renderForm(page, raw, errors, locale,
        hiddenFields == null ? FormOptions.NONE : FormOptions.hidden(hiddenFields));
  }

  /**
   * The form element with what the host page adds: hidden fields, a sentence under the heading,
   * the main button's text, secondary buttons.
   *
   * @param page the page
   * @param raw what the person typed
   * @param errors error messages by question id
   * @param locale the language
   * @param options the additions
   * @return the HTML fragment
   */
  public String renderForm(Page page, Map<String, List<String>> raw, Map<String, String> errors, Locale locale,
      FormOptions options) {
    return renderForm(page, raw, byQuestion(page, errors), locale, options);
  }

  /**
   * The form element from validation's field errors, with what the host page adds: hidden
   * fields, a sentence under the heading, the main button's text, secondary buttons.
   *
   * @param page the page
   * @param raw what the person typed
   * @param errors the field errors
   * @param locale the language
   * @param options the additions
   * @return the HTML fragment
   */
  public String renderForm(Page page, Map<String, List<String>> raw, List<FieldError> errors, Locale locale,
      FormOptions options) {
    Objects.requireNonNull(options, "options");
    Lang lang = Lang.of(locale);
    Map<String, String> byField = new LinkedHashMap<>();
    for (FieldError e : errors) {
      byField.putIfAbsent(e.field(), e.message());
    }
    Map<String, List<String>> in = raw == null ? Map.of() : raw;
    StringBuilder b = new StringBuilder();
    boolean single = page.title().isEmpty()
        && page.questions().stream().filter(q -> page.revealedBy(q.id()).isEmpty()).count() == 1;
    page.title().ifPresent(t -> b.append(Govuk.heading(t.in(locale))));
    options.intro().ifPresent(t -> b.append("<p class=\"govuk-body\">").append(Govuk.text(t)).append("</p>"));
    for (Content c : page.content()) {
      if (c.showIf().isEmpty()) {
        b.append(content(c, locale, lang));
      }
    }
    boolean files = false;
    boolean groups = false;
    Map<String, String> revealed = new LinkedHashMap<>();
    for (Question q : page.questions()) {
      if (page.revealedBy(q.id()).isPresent()) {
        revealed.put(q.id(), question(q, q.id(), in, byField, false, locale, lang));
      }
    }
    for (Question q : page.questions()) {
      if (revealed.containsKey(q.id())) {
        continue;
      }
      b.append(question(q, q.id(), in, byField, single, locale, lang, revealed));
      files |= q.type() == QuestionType.FILE || q.items().stream().anyMatch(i -> i.type() == QuestionType.FILE);
      groups |= q.type() == QuestionType.REPEATING_GROUP;
    }
    List<String[]> buttons = new ArrayList<>();
    for (FormOptions.Button button : options.secondaryButtons()) {
      buttons.add(new String[] {button.name(), button.value(), button.label()});
    }
    return Govuk.form(null, files, options.hiddenFields(), groups, b.toString(), lang,
        options.continueLabel().orElse(null), buttons);
  }

  // ------------------------------------------------------------------ check answers, task list

  /**
   * A check-your-answers summary list: each row's question, its answer (line breaks kept) and a
   * Change link whose visually hidden text says what it changes.
   *
   * @param rows the rows, in order
   * @param locale the language of "Change"
   * @return the HTML fragment
   */
  public static String checkAnswers(List<SummaryRow> rows, Locale locale) {
    List<Govuk.SummaryRow> out = new ArrayList<>();
    for (SummaryRow r : rows) {
      out.add(new Govuk.SummaryRow(r.key(), r.lines(), r.changeHref().orElse(null),
          r.visuallyHiddenChangeText().orElse(r.key())));
    }
    return Govuk.summaryList(out, Lang.of(locale));
  }

  /**
   * A GOV.UK task list: a link per task that can be started, its status as a tag ("Not yet
   * started", "In progress") or text ("Completed", "Cannot start yet"), in English or Welsh.
   *
   * @param items the tasks, in order
   * @param locale the language of the statuses
   * @return the HTML fragment
   */
  public static String taskList(List<TaskListItem> items, Locale locale) {
    List<Govuk.Task> tasks = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      TaskListItem t = items.get(i);
      tasks.add(new Govuk.Task("task-" + (i + 1), t.title(), null, t.href().orElse(null), Govuk.TaskStatus.valueOf(t.status().name())));
    }
    return Govuk.taskList(tasks, Lang.of(locale));
  }

  // ------------------------------------------------------------------ content

  /**
   * One piece of guidance as GOV.UK HTML: Markdown (a safe CommonMark subset, raw HTML escaped),
   * inset text, details or warning text. {@link #renderForm} shows a page's content above its
   * questions, leaving out any with a show-if: resolve those first with
   * {@link Page#shownTo(io.civickit.core.Journey, java.time.LocalDate)}.
   *
   * @param content the content
   * @param locale the language
   * @return the HTML fragment
   */
  public static String content(Content content, Locale locale) {
    return content(content, locale, Lang.of(locale));
  }

  private static String content(Content c, Locale locale, Lang lang) {
    String text = c.text().in(locale);
    return switch (c.kind()) {
      case MARKDOWN -> Markdown.html(text);
      case INSET -> Govuk.insetText(Markdown.html(text));
      case DETAILS -> Govuk.details(c.summary().orElseThrow().in(locale), Markdown.html(text));
      case WARNING -> Govuk.warningText(text, lang);
    };
  }

  // ------------------------------------------------------------------ questions

  private static boolean belongsTo(String field, String questionId) {
    return field.equals(questionId) || field.startsWith(questionId + "-") || field.startsWith(questionId + "[");
  }

  private static String stripDatePart(String field) {
    for (String part : List.of("-day", "-month", "-year")) {
      if (field.endsWith(part)) {
        return field.substring(0, field.length() - part.length());
      }
    }
    return field;
  }

  /** The parts of a date input that have an error of their own: {@code day}, {@code month}, {@code year}. */
  private static List<String> erroneousParts(Map<String, String> byField, String base, boolean monthYear) {
    List<String> erroneous = new ArrayList<>();
    for (String part : FieldNames.dateParts(monthYear)) {
      if (byField.containsKey(FieldNames.part(base, part))) {
        erroneous.add(part);
      }
    }
    return erroneous;
  }

  private static @Nullable String first(Map<String, List<String>> raw, String name) {
    List<String> v = raw.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static @Nullable String errorFor(Map<String, String> byField, String base, List<String> fields) {
    for (String f : fields) {
      String m = byField.get(f);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  private static String question(Question q, String base, Map<String, List<String>> raw,
      Map<String, String> byField, boolean heading, Locale locale, Lang lang) {
    return question(q, base, raw, byField, heading, locale, lang, Map.of());
  }

  /** {@code revealed}: the HTML of the page's revealed questions, by id, for the options revealing them. */
  private static String question(Question q, String base, Map<String, List<String>> raw,
      Map<String, String> byField, boolean heading, Locale locale, Lang lang, Map<String, String> revealed) {
    String hint = q.hint().map(h -> h.in(locale)).orElse(null);
    String label = q.label().in(locale);
    String value = first(raw, base);
    String autocomplete = q.autocomplete().orElse(null);
    QuestionType t = q.type();
    switch (t) {
      case TEXTAREA: {
        Field f = new Field(base, base, label, hint, byField.get(base), heading);
        return q.maxWords() > 0 ? Govuk.textareaWords(f, value, q.maxWords(), 5, autocomplete, lang)
            : Govuk.textarea(f, value, q.maxLength(), 5, autocomplete, lang);
      }
      case DATE: {
        Field f = new Field(base, base, label, hint, errorFor(byField, base, FieldNames.dateFields(base, false)),
            heading);
        return Govuk.dateInput(f, first(raw, FieldNames.part(base, "day")), first(raw, FieldNames.part(base, "month")),
            first(raw, FieldNames.part(base, "year")), erroneousParts(byField, base, false), autocomplete, lang);
      }
      case MONTH_YEAR: {
        Field f = new Field(base, base, label, hint, errorFor(byField, base, FieldNames.dateFields(base, true)),
            heading);
        return Govuk.monthYearInput(f, first(raw, FieldNames.part(base, "month")),
            first(raw, FieldNames.part(base, "year")), erroneousParts(byField, base, true), autocomplete, lang);
      }
      case RADIOS: {
        Field f = new Field(base, base, label, hint, byField.get(base), heading);
        return Govuk.radios(f, options(q, locale, revealed), value, false, lang);
      }
      case YES_NO: {
        Field f = new Field(base, base, label, hint, byField.get(base), heading);
        List<Option> yesNo = new ArrayList<>();
        String yes = conditional(q, "yes", revealed);
        String no = conditional(q, "no", revealed);
        yesNo.add(new Option("yes", optionLabel(q, "yes", lang.answerYes, locale), null, false, false, yes));
        yesNo.add(new Option("no", optionLabel(q, "no", lang.answerNo, locale), null, false, false, no));
        // GOV.UK: inline radios cannot reveal content
        return Govuk.radios(f, yesNo, value, yes == null && no == null, lang);
      }
      case CHECKBOXES: {
        Field f = new Field(base, base, label, hint, byField.get(base), heading);
        List<String> chosen = raw.getOrDefault(base, List.of());
        return Govuk.checkboxes(f, options(q, locale, revealed), chosen == null ? List.of() : chosen, lang);
      }
      case SELECT: {
        Field f = new Field(base, base, label, hint, byField.get(base), heading);
        return Govuk.select(f, options(q, locale), value, lang.selectPlaceholder, q.accessibleAutocomplete(), lang);
      }
      case FILE: {
        Field f = new Field(base, base, label, hint, byField.get(base), heading);
        return Govuk.fileUpload(f, q.fileTypes().isEmpty() ? null : String.join(",", q.fileTypes()), lang);
      }
      case DECLARATION: {
        Field f = new Field(base, base, label, hint, byField.get(base), false);
        return Govuk.singleCheckbox(f, "yes", "yes".equals(value), lang);
      }
      case ADDRESS:
        return address(q, base, label, hint, raw, byField, heading, lang);
      case FIRST_AND_LAST_NAME:
        return parts(base, label, hint, raw, byField, heading, lang, new String[][] {
            {"first", lang.firstName, "given-name", "govuk-!-width-two-thirds"},
            {"last", lang.lastName, "family-name", "govuk-!-width-two-thirds"}});
      case REPEATING_GROUP:
        return group(q, base, label, hint, raw, byField, heading, locale, lang);
      case INTERNATIONAL_ADDRESS:
        return io.civickit.forms.internal.html.InternationalAddressHtml.render(base, label, hint, raw, byField, heading,
            locale, lang);
      default: {
        Field f = new Field(base, base, label, hint, byField.get(base), heading);
        InputAttributes a = InputAttributes.forKind(t.name());
        String width = a.widthClass();
        if (t == QuestionType.NATIONAL_INSURANCE_NUMBER) {
          width = (width == null ? "" : width + " ") + "govuk-input--extra-letter-spacing";
        }
        return Govuk.input(f, a.type(), value, autocomplete != null ? autocomplete : a.autocomplete(),
            a.inputmode(), width, a.spellcheckOff(),
            q.prefix().map(x -> x.in(locale)).orElse(t == QuestionType.MONEY ? "£" : null),
            q.suffix().map(x -> x.in(locale)).orElse(null), lang);
      }
    }
  }

  private static String optionLabel(Question q, String value, String fallback, Locale locale) {
    for (io.civickit.forms.Option o : q.options()) {
      if (o.value().equals(value)) {
        return o.label().in(locale);
      }
    }
    return fallback;
  }

  private static String address(Question q, String base, String label, @Nullable String hint,
      Map<String, List<String>> raw, Map<String, String> byField, boolean heading, Lang lang) {
    String html = parts(base, label, hint, raw, byField, heading, lang, new String[][] {
        {"line1", lang.addressLine1, "address-line1", null},
        {"line2", lang.addressLine2, "address-line2", null},
        {"town", lang.town, "address-level2", "govuk-!-width-two-thirds"},
        {"postcode", lang.postcode, "postal-code", "govuk-input--width-10"}});
    String uprnField = FieldNames.part(base, "uprn");
    String uprn = first(raw, uprnField);
    if (uprn != null && !uprn.isBlank()) {
      html = html.substring(0, html.length() - "</fieldset></div>".length()) + Govuk.hidden(uprnField, uprn)
          + "</fieldset></div>";
    }
    return html;
  }

  /**
   * A fieldset of text inputs, one a part: each {name suffix, label, autocomplete, width class};
   * each input shows its own error, the group is in error when any is. The postcode has no spellcheck.
   */
  private static String parts(String base, String label, @Nullable String hint, Map<String, List<String>> raw,
      Map<String, String> byField, boolean heading, Lang lang, String[][] parts) {
    List<String> names = new ArrayList<>();
    for (String[] p : parts) {
      names.add(FieldNames.part(base, p[0]));
    }
    String anyError = errorFor(byField, base, names);
    Field group = new Field(base, base, label, hint, null, heading);
    StringBuilder b = new StringBuilder("<div class=\"govuk-form-group")
        .append(anyError != null ? " govuk-form-group--error" : "").append("\">")
        .append(Govuk.fieldsetStart(group)).append(Govuk.hintFor(group));
    for (String[] p : parts) {
      String id = FieldNames.part(base, p[0]);
      Field part = Field.of(id, p[1], null, byField.get(id));
      boolean noSpellcheck = p[0].equals("postcode") || p[0].equals("first") || p[0].equals("last");
      b.append(Govuk.input(part, "text", first(raw, id), p[2], null, p[3], noSpellcheck, null, lang));
    }
    return b.append("</fieldset></div>").toString();
  }

  private static String group(Question q, String base, String label, @Nullable String hint,
      Map<String, List<String>> raw, Map<String, String> byField, boolean heading, Locale locale, Lang lang) {
    int count = AddAnother.count(q, raw);
    String error = byField.get(base);
    Field f = new Field(base, base, label, hint, error, heading);
    StringBuilder b = new StringBuilder("<div class=\"govuk-form-group")
        .append(error != null ? " govuk-form-group--error" : "").append("\" id=\"").append(Govuk.attr(base))
        .append("\">");
    b.append(heading ? "<h1 class=\"govuk-heading-l\">" : "<h2 class=\"govuk-heading-m\">")
        .append(Govuk.text(label)).append(heading ? "</h1>" : "</h2>")
        .append(Govuk.hintFor(f)).append(Govuk.errorMessageFor(f, lang))
        .append(Govuk.hidden(FieldNames.itemCount(base), Integer.toString(count)));
    for (int i = 0; i < count; i++) {
      String itemName = String.format(lang.item, i + 1);
      b.append("<fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">")
          .append(Govuk.text(itemName)).append("</legend>");
      for (Question item : q.items()) {
        b.append(question(item, FieldNames.itemBase(base, i, item), raw, byField, false, locale, lang));
      }
      if (count > 1) {
        b.append(Govuk.button(lang.remove, base + "-action", "remove-" + i, true, null, itemName));
      }
      b.append("</fieldset>");
    }
    if (count < q.maxItems()) {
      b.append(Govuk.button(lang.addAnotherButton, base + "-action", "add", true, base + "-add", null));
    }
    return b.append("</div>").toString();
  }

  private static List<Option> options(Question q, Locale locale) {
    return options(q, locale, Map.of());
  }

  private static List<Option> options(Question q, Locale locale, Map<String, String> revealed) {
    List<Option> out = new ArrayList<>();
    for (io.civickit.forms.Option o : q.options()) {
      out.add(new Option(o.value(), o.label().in(locale), o.hint().map(h -> h.in(locale)).orElse(null),
          o.exclusive(), o.dividerBefore(), conditional(q, o.value(), revealed)));
    }
    return out;
  }

  /** The HTML of the questions an option reveals, or null when it reveals none. */
  private static @Nullable String conditional(Question q, String value, Map<String, String> revealed) {
    StringBuilder b = new StringBuilder();
    for (io.civickit.forms.Option o : q.options()) {
      if (o.value().equals(value)) {
        o.reveals().forEach(id -> b.append(revealed.getOrDefault(id, "")));
      }
    }
    return b.length() == 0 ? null : b.toString();
  }
}
