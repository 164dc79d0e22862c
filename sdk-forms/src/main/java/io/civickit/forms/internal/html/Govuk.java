package io.civickit.forms.internal.html;

import io.civickit.forms.internal.fields.FieldNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.owasp.encoder.Encode;

/**
 * GOV.UK Frontend 5 component markup. Every method returns an HTML fragment; all text goes
 * through {@link Encode#forHtmlContent} and all attribute values through
 * {@link Encode#forHtmlAttribute}, so callers may pass user input unchanged. Forms carry
 * {@code novalidate} and no input ever carries {@code required}.
 */
// Over 500 lines and kept whole: one static method per GOV.UK Frontend component, each escaping
// its own values; long because the design system has many components, not because it does
// several jobs.
public final class Govuk {

  private Govuk() {}

  /** The common parts of a single form field. */
  public record Field(String id, String name, String label, @Nullable String hint,
      @Nullable String error, boolean labelIsHeading) {
    /** Validates the id and name. */
    public Field {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(label, "label");
      if (id.isBlank()) {
        throw new IllegalArgumentException("field id must not be blank: '" + id + "'");
      }
    }

    /** A field whose label is not the page heading. */
    public static Field of(String id, String label, @Nullable String hint, @Nullable String error) {
      return new Field(id, id, label, hint, error, false);
    }

    String hintId() {
      return id + "-hint";
    }

    String errorId() {
      return id + "-error";
    }
  }

  /**
   * A radio, checkbox or select option; {@code exclusive} marks a checkbox "None of these"
   * ({@code data-behaviour="exclusive"}), {@code dividerBefore} puts an "or" divider before it,
   * {@code conditional} (HTML, or null) is revealed under it when it is chosen.
   */
  public record Option(String value, String text, @Nullable String hint, boolean exclusive, boolean dividerBefore,
      @Nullable String conditional) {
    /** Validates the parts. */
    public Option {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(text, "text");
    }

    /** An option without conditional content. */
    public Option(String value, String text, @Nullable String hint, boolean exclusive, boolean dividerBefore) {
      this(value, text, hint, exclusive, dividerBefore, null);
    }

    /** A plain option. */
    public Option(String value, String text, @Nullable String hint) {
      this(value, text, hint, false, false);
    }
  }

  /** A link in the error summary to the field (or first part of a field) in error. */
  public record ErrorLink(String targetId, String message) {}

  /** A row of a summary list. {@code changeHref} may be null for rows that cannot be changed. */
  public record SummaryRow(String key, List<String> valueLines, @Nullable String changeHref,
      String changeHiddenText) {
    /** Copies the lines. */
    public SummaryRow {
      valueLines = List.copyOf(valueLines);
    }
  }

  /** The state of a task in a task list. */
  public enum TaskStatus { NOT_YET_STARTED, IN_PROGRESS, COMPLETED, CANNOT_START_YET }

  /** A task list item; {@code href} is null when the task cannot be started. */
  public record Task(String id, String name, @Nullable String hint, @Nullable String href,
      TaskStatus status) {}

  // ---------------------------------------------------------------- escaping

  /** Escapes text for HTML element content. */
  public static String text(@Nullable String s) {
    return s == null ? "" : Encode.forHtmlContent(s);
  }

  /** Escapes a value for a double-quoted HTML attribute. */
  public static String attr(@Nullable String s) {
    return s == null ? "" : Encode.forHtmlAttribute(s);
  }

  private static void attr(StringBuilder b, String name, @Nullable String value) {
    if (value != null) {
      b.append(' ').append(name).append("=\"").append(attr(value)).append('"');
    }
  }

  // ---------------------------------------------------------------- page

  /**
   * The page title: {@code "Error: "} (or Welsh) is prefixed when the page has errors, as the
   * GOV.UK pattern requires.
   */
  public static String title(String pageTitle, String serviceName, boolean hasErrors, Lang lang) {
    return (hasErrors ? lang.titlePrefix : "") + pageTitle + " – " + serviceName + " – GOV.UK";
  }

  /** A minimal complete page around {@code mainContent} (which must already be HTML). */
  public static String page(String pageTitle, String serviceName, boolean hasErrors, Lang lang,
      String mainContent) {
    return "<!DOCTYPE html>\n<html lang=\"" + lang.code() + "\" class=\"govuk-template\">"
        + "<head><meta charset=\"utf-8\"><title>"
        + text(title(pageTitle, serviceName, hasErrors, lang)) + "</title>"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>"
        + "<body class=\"govuk-template__body\"><div class=\"govuk-width-container\">"
        + "<main class=\"govuk-main-wrapper\" id=\"main-content\">"
        + "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
        + mainContent + "</div></div></main></div></body></html>\n";
  }

  /** A form with {@code novalidate} and a Continue button after {@code fields}. */
  public static String form(@Nullable String action, String fields, Lang lang) {
    return form(action, false, java.util.Map.of(), false, fields, lang);
  }

  /**
   * A form with {@code novalidate}, hidden fields first (a CSRF token, for example), then
   * {@code fields} and a Continue button. {@code multipart} sets
   * {@code enctype="multipart/form-data"} for file uploads. {@code defaultButtonFirst} puts an
   * invisible copy of Continue first, so that pressing Enter in a field continues rather than
   * pressing the first secondary button (Remove) of an add-another list.
   */
  public static String form(@Nullable String action, boolean multipart, java.util.Map<String, String> hiddenFields,
      boolean defaultButtonFirst, String fields, Lang lang) {
    return form(action, multipart, hiddenFields, defaultButtonFirst, fields, lang, null, java.util.List.of());
  }

  /**
   * As {@link #form(String, boolean, java.util.Map, boolean, String, Lang)}, with the main
   * button's text ({@code null}: Continue) and secondary buttons, each {name, value, label},
   * grouped with it in a {@code govuk-button-group}.
   */
  public static String form(@Nullable String action, boolean multipart, java.util.Map<String, String> hiddenFields,
      boolean defaultButtonFirst, String fields, Lang lang, @Nullable String continueLabel,
      java.util.List<String[]> secondaryButtons) {
    String label = continueLabel == null ? lang.continueButton : continueLabel;
    StringBuilder b = new StringBuilder("<form method=\"post\"");
    attr(b, "action", action);
    if (multipart) {
      b.append(" enctype=\"multipart/form-data\"");
    }
    b.append(" novalidate>");
    hiddenFields.forEach((k, v) -> b.append(hidden(k, v)));
    if (defaultButtonFirst) {
      b.append("<button type=\"submit\" class=\"govuk-visually-hidden\" tabindex=\"-1\" aria-hidden=\"true\">")
          .append(text(label)).append("</button>");
    }
    b.append(fields);
    if (!secondaryButtons.isEmpty()) {
      b.append("<div class=\"govuk-button-group\">");
    }
    b.append("<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">")
        .append(text(label)).append("</button>");
    for (String[] button : secondaryButtons) {
      b.append("<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\"")
          .append(" name=\"").append(attr(button[0])).append("\" value=\"").append(attr(button[1])).append("\">")
          .append(text(button[2])).append("</button>");
    }
    if (!secondaryButtons.isEmpty()) {
      b.append("</div>");
    }
    b.append("</form>");
    return b.toString();
  }

  /** A page heading. */
  public static String heading(String text) {
    return "<h1 class=\"govuk-heading-l\">" + text(text) + "</h1>";
  }

  // ---------------------------------------------------------------- content

  /** GOV.UK inset text around {@code html} (which must already be HTML). */
  public static String insetText(String html) {
    return "<div class=\"govuk-inset-text\">" + html + "</div>";
  }

  /** GOV.UK details: {@code summary} (text, escaped here) that opens to show {@code html}. */
  public static String details(String summary, String html) {
    return "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\">"
        + "<span class=\"govuk-details__summary-text\">" + text(summary) + "</span></summary>"
        + "<div class=\"govuk-details__text\">" + html + "</div></details>";
  }

  /** GOV.UK warning text: the "!" icon, then {@code text} (escaped here) after a hidden "Warning". */
  public static String warningText(String text, Lang lang) {
    return "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
        + "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">" + text(lang.warning)
        + "</span> " + text(text) + "</strong></div>";
  }

  // ---------------------------------------------------------------- errors

  /** The error summary, or an empty string when there are no errors. */
  public static String errorSummary(Collection<ErrorLink> errors, Lang lang) {
    if (errors.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(
        "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">"
            + "<h2 class=\"govuk-error-summary__title\">")
        .append(text(lang.problem))
        .append("</h2><div class=\"govuk-error-summary__body\">"
            + "<ul class=\"govuk-list govuk-error-summary__list\">");
    for (ErrorLink e : errors) {
      b.append("<li><a");
      attr(b, "href", "#" + e.targetId());
      b.append('>').append(text(e.message())).append("</a></li>");
    }
    return b.append("</ul></div></div></div>").toString();
  }

  static String errorMessage(Field f, Lang lang) {
    return "<p id=\"" + attr(f.errorId()) + "\" class=\"govuk-error-message\">"
        + "<span class=\"govuk-visually-hidden\">" + text(lang.errorPrefix) + "</span> "
        + text(f.error()) + "</p>";
  }

  static String hint(Field f) {
    return f.hint() == null ? ""
        : "<div id=\"" + attr(f.hintId()) + "\" class=\"govuk-hint\">" + text(f.hint()) + "</div>";
  }

  static @Nullable String describedBy(Field f, String... extra) {
    List<String> ids = new ArrayList<>();
    if (f.hint() != null) {
      ids.add(f.hintId());
    }
    ids.addAll(List.of(extra));
    if (f.error() != null) {
      ids.add(f.errorId());
    }
    return ids.isEmpty() ? null : String.join(" ", ids);
  }

  private static String groupOpen(Field f, String extraClass, String extraAttrs) {
    return "<div class=\"govuk-form-group" + extraClass
        + (f.error() != null ? " govuk-form-group--error" : "") + "\"" + extraAttrs + ">";
  }

  private static String label(Field f) {
    String label = "<label class=\"govuk-label" + (f.labelIsHeading() ? " govuk-label--l" : "")
        + "\" for=\"" + attr(f.id()) + "\">" + text(f.label()) + "</label>";
    return f.labelIsHeading() ? "<h1 class=\"govuk-label-wrapper\">" + label + "</h1>" : label;
  }

  private static String fieldsetOpen(Field f, @Nullable String describedBy) {
    StringBuilder b = new StringBuilder("<fieldset class=\"govuk-fieldset\"");
    attr(b, "aria-describedby", describedBy);
    b.append("><legend class=\"govuk-fieldset__legend")
        .append(f.labelIsHeading() ? " govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">"
            + text(f.label()) + "</h1>" : " govuk-fieldset__legend--m\">" + text(f.label()))
        .append("</legend>");
    return b.toString();
  }

  // ---------------------------------------------------------------- inputs

  /**
   * A text input keeping {@code value}. {@code type} is text, email, tel, etc.;
   * {@code autocomplete}, {@code inputmode} and {@code widthClass} (such as
   * {@code govuk-input--width-10}) may be null.
   */
  public static String input(Field f, String type, @Nullable String value,
      @Nullable String autocomplete, @Nullable String inputmode, @Nullable String widthClass,
      boolean spellcheckOff, Lang lang) {
    return input(f, type, value, autocomplete, inputmode, widthClass, spellcheckOff, null, lang);
  }

  /**
   * A text input as {@link #input(Field, String, String, String, String, String, boolean, Lang)},
   * with an optional prefix shown before it (such as "£"), in a {@code govuk-input__wrapper}.
   * {@code widthClass} may hold several classes separated by spaces.
   */
  public static String input(Field f, String type, @Nullable String value,
      @Nullable String autocomplete, @Nullable String inputmode, @Nullable String widthClass,
      boolean spellcheckOff, @Nullable String prefix, Lang lang) {
    return input(f, type, value, autocomplete, inputmode, widthClass, spellcheckOff, prefix, null, lang);
  }

  /**
   * A text input with an optional prefix ("£") and suffix ("kg", "per week") around it, in a
   * {@code govuk-input__wrapper}; each is {@code aria-hidden}, so the label should say the unit.
   */
  public static String input(Field f, String type, @Nullable String value,
      @Nullable String autocomplete, @Nullable String inputmode, @Nullable String widthClass,
      boolean spellcheckOff, @Nullable String prefix, @Nullable String suffix, Lang lang) {
    boolean wrapped = prefix != null || suffix != null;
    StringBuilder b = new StringBuilder(groupOpen(f, "", "")).append(label(f)).append(hint(f));
    if (f.error() != null) {
      b.append(errorMessage(f, lang));
    }
    if (wrapped) {
      b.append("<div class=\"govuk-input__wrapper\">");
    }
    if (prefix != null) {
      b.append("<div class=\"govuk-input__prefix\" aria-hidden=\"true\">").append(text(prefix)).append("</div>");
    }
    b.append("<input class=\"govuk-input").append(widthClass == null ? "" : " " + attr(widthClass))
        .append(f.error() != null ? " govuk-input--error" : "").append('"');
    attr(b, "id", f.id());
    attr(b, "name", f.name());
    attr(b, "type", type);
    attr(b, "value", value == null || value.isEmpty() ? null : value);
    attr(b, "aria-describedby", describedBy(f));
    attr(b, "autocomplete", autocomplete);
    attr(b, "inputmode", inputmode);
    if (spellcheckOff) {
      b.append(" spellcheck=\"false\"");
    }
    b.append('>');
    if (suffix != null) {
      b.append("<div class=\"govuk-input__suffix\" aria-hidden=\"true\">").append(text(suffix)).append("</div>");
    }
    if (wrapped) {
      b.append("</div>");
    }
    return b.append("</div>").toString();
  }

  /** A hidden input. */
  public static String hidden(String name, String value) {
    StringBuilder b = new StringBuilder("<input type=\"hidden\"");
    attr(b, "name", name);
    attr(b, "value", value);
    return b.append('>').toString();
  }

  /**
   * A submit button. {@code name} and {@code value} say which button was pressed (null for the
   * form's main button); {@code hiddenSuffix} is visually hidden text after the label, for
   * screen readers (" item 2"); {@code id} may be null.
   */
  public static String button(String label, @Nullable String name, @Nullable String value, boolean secondary,
      @Nullable String id, @Nullable String hiddenSuffix) {
    StringBuilder b = new StringBuilder("<button type=\"submit\" class=\"govuk-button")
        .append(secondary ? " govuk-button--secondary" : "").append("\" data-module=\"govuk-button\"");
    attr(b, "id", id);
    attr(b, "name", name);
    attr(b, "value", value);
    b.append('>').append(text(label));
    if (hiddenSuffix != null) {
      b.append("<span class=\"govuk-visually-hidden\"> ").append(text(hiddenSuffix)).append("</span>");
    }
    return b.append("</button>").toString();
  }

  /** The error message paragraph for a field in error (empty when it has none). */
  public static String errorMessageFor(Field f, Lang lang) {
    return f.error() == null ? "" : errorMessage(f, lang);
  }

  /** The hint of a field (empty when it has none). */
  public static String hintFor(Field f) {
    return hint(f);
  }

  /**
   * A fieldset's opening tags and legend (the page heading when the field's label is), with
   * {@code aria-describedby} for its hint and error.
   */
  public static String fieldsetStart(Field f) {
    return fieldsetOpen(f, describedBy(f));
  }

  /** The opening tag of a form group, marked in error when the field has an error. */
  public static String formGroupStart(Field f) {
    return groupOpen(f, "", "");
  }

  /** A textarea, with a character count when {@code maxLength > 0}. */
  public static String textarea(Field f, @Nullable String value, int maxLength, int rows,
      @Nullable String autocomplete, Lang lang) {
    return textarea(f, value, maxLength, false, rows, autocomplete, lang);
  }

  /** A character count that counts words ({@code data-maxwords}): "You can enter up to N words". */
  public static String textareaWords(Field f, @Nullable String value, int maxWords, int rows,
      @Nullable String autocomplete, Lang lang) {
    return textarea(f, value, maxWords, true, rows, autocomplete, lang);
  }

  private static String textarea(Field f, @Nullable String value, int limit, boolean words, int rows,
      @Nullable String autocomplete, Lang lang) {
    boolean count = limit > 0;
    String infoId = f.id() + "-info";
    StringBuilder b = new StringBuilder(groupOpen(f, count ? " govuk-character-count" : "",
        count ? " data-module=\"govuk-character-count\" data-max" + (words ? "words" : "length") + "=\"" + limit + "\""
            : ""));
    b.append(label(f)).append(hint(f));
    if (f.error() != null) {
      b.append(errorMessage(f, lang));
    }
    b.append("<textarea class=\"govuk-textarea").append(count ? " govuk-js-character-count" : "")
        .append(f.error() != null ? " govuk-textarea--error" : "").append('"');
    attr(b, "id", f.id());
    attr(b, "name", f.name());
    b.append(" rows=\"").append(Math.max(1, rows)).append('"');
    // GOV.UK Frontend names the count message first, then the hint and the error.
    String own = describedBy(f);
    attr(b, "aria-describedby", count ? (own == null ? infoId : infoId + " " + own) : own);
    attr(b, "autocomplete", autocomplete);
    b.append('>').append(text(value)).append("</textarea>");
    if (count) {
      b.append("<div id=\"").append(attr(infoId))
          .append("\" class=\"govuk-hint govuk-character-count__message\">")
          .append(text(String.format(words ? lang.wordLimit : lang.characterLimit, limit))).append("</div>");
    }
    return b.append("</div>").toString();
  }

  /**
   * A date input with day, month and year boxes named {@code name-day} etc. {@code erroneous}
   * lists the parts ("day", "month", "year") to highlight; all three when empty and in error.
   * {@code autocompletePrefix} such as {@code "bday"} gives bday-day etc.; may be null.
   */
  public static String dateInput(Field f, @Nullable String day, @Nullable String month,
      @Nullable String year, Collection<String> erroneous, @Nullable String autocompletePrefix,
      Lang lang) {
    return dateGroup(f, true, day, month, year, erroneous, autocompletePrefix, lang);
  }

  /**
   * A date input with month and year boxes only (GOV.UK Frontend's date input given two items),
   * such as a card's expiry date ({@code autocompletePrefix} {@code "cc-exp"}).
   */
  public static String monthYearInput(Field f, @Nullable String month, @Nullable String year,
      Collection<String> erroneous, @Nullable String autocompletePrefix, Lang lang) {
    return dateGroup(f, false, null, month, year, erroneous, autocompletePrefix, lang);
  }

  private static String dateGroup(Field f, boolean withDay, @Nullable String day, @Nullable String month,
      @Nullable String year, Collection<String> erroneous, @Nullable String autocompletePrefix, Lang lang) {
    StringBuilder b = new StringBuilder(groupOpen(f, "", ""));
    b.append(fieldsetOpen(f, describedBy(f)).replaceFirst("^<fieldset class=\"govuk-fieldset\"",
        "<fieldset class=\"govuk-fieldset\" role=\"group\"")).append(hint(f));
    if (f.error() != null) {
      b.append(errorMessage(f, lang));
    }
    b.append("<div class=\"govuk-date-input\" id=\"").append(attr(f.id())).append("\">");
    if (withDay) {
      dateItem(b, f, "day", lang.day, day, 2, erroneous, autocompletePrefix);
    }
    dateItem(b, f, "month", lang.month, month, 2, erroneous, autocompletePrefix);
    dateItem(b, f, "year", lang.year, year, 4, erroneous, autocompletePrefix);
    return b.append("</div></fieldset></div>").toString();
  }

  /** The id of the first date part to link to from the error summary. */
  public static String dateErrorTarget(String id, Collection<String> erroneous) {
    for (String part : FieldNames.dateParts(false)) {
      if (erroneous.contains(part)) {
        return FieldNames.part(id, part);
      }
    }
    return FieldNames.part(id, "day");
  }

  private static void dateItem(StringBuilder b, Field f, String part, String label,
      @Nullable String value, int width, Collection<String> erroneous,
      @Nullable String autocompletePrefix) {
    boolean error = f.error() != null && (erroneous.isEmpty() || erroneous.contains(part));
    String id = f.id() + "-" + part;
    b.append("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">")
        .append("<label class=\"govuk-label govuk-date-input__label\" for=\"").append(attr(id))
        .append("\">").append(text(label)).append("</label>")
        .append("<input class=\"govuk-input govuk-date-input__input govuk-input--width-")
        .append(width).append(error ? " govuk-input--error" : "").append('"');
    attr(b, "id", id);
    attr(b, "name", f.name() + "-" + part);
    b.append(" type=\"text\"");
    attr(b, "value", value == null || value.isEmpty() ? null : value);
    attr(b, "autocomplete", autocompletePrefix == null ? null : autocompletePrefix + "-" + part);
    b.append(" inputmode=\"numeric\"></div></div>");
  }

  /** Radios; the first item's id is the field id so the error summary can link to it. */
  public static String radios(Field f, List<Option> options, @Nullable String selected,
      boolean inline, Lang lang) {
    return choices(f, options, selected == null ? List.of() : List.of(selected), "radios",
        "radio", inline, lang);
  }

  /** Checkboxes; the first item's id is the field id. */
  public static String checkboxes(Field f, List<Option> options, Collection<String> selected,
      Lang lang) {
    return choices(f, options, selected, "checkboxes", "checkbox", false, lang);
  }

  private static String choices(Field f, List<Option> options, Collection<String> selected,
      String kind, String type, boolean inline, Lang lang) {
    StringBuilder b = new StringBuilder(groupOpen(f, "", ""));
    b.append(fieldsetOpen(f, describedBy(f))).append(hint(f));
    if (f.error() != null) {
      b.append(errorMessage(f, lang));
    }
    b.append("<div class=\"govuk-").append(kind).append(inline ? " govuk-radios--inline" : "")
        .append("\" data-module=\"govuk-").append(kind).append("\">");
    // As GOV.UK Frontend does, a divider takes a place in the numbering of the items' ids.
    int index = 0;
    for (int i = 0; i < options.size(); i++) {
      Option o = options.get(i);
      if (o.dividerBefore() && i > 0) {
        b.append("<div class=\"govuk-").append(kind).append("__divider\">").append(text(lang.or)).append("</div>");
        index++;
      }
      String id = index == 0 ? f.id() : f.id() + "-" + (index + 1);
      index++;
      b.append("<div class=\"govuk-").append(kind).append("__item\">")
          .append("<input class=\"govuk-").append(kind).append("__input\"");
      attr(b, "id", id);
      attr(b, "name", f.name());
      attr(b, "type", type);
      attr(b, "value", o.value());
      if (o.hint() != null) {
        attr(b, "aria-describedby", id + "-item-hint");
      }
      if (selected.contains(o.value())) {
        b.append(" checked");
      }
      if (o.exclusive()) {
        b.append(" data-behaviour=\"exclusive\"");
      }
      if (o.conditional() != null) {
        attr(b, "data-aria-controls", "conditional-" + id);
      }
      b.append("><label class=\"govuk-label govuk-").append(kind).append("__label\" for=\"")
          .append(attr(id)).append("\">").append(text(o.text())).append("</label>");
      if (o.hint() != null) {
        b.append("<div id=\"").append(attr(id + "-item-hint")).append("\" class=\"govuk-hint govuk-")
            .append(kind).append("__hint\">").append(text(o.hint())).append("</div>");
      }
      b.append("</div>");
      if (o.conditional() != null) {
        // Shown without JavaScript: hidden only while its option is not chosen, as GOV.UK Frontend does.
        b.append("<div class=\"govuk-").append(kind).append("__conditional")
            .append(selected.contains(o.value()) ? "" : " govuk-" + kind + "__conditional--hidden").append('"');
        attr(b, "id", "conditional-" + id);
        b.append('>').append(o.conditional()).append("</div>");
      }
    }
    return b.append("</div></fieldset></div>").toString();
  }

  /**
   * One checkbox without a fieldset, as GOV.UK Frontend makes a checkboxes component with a
   * single item and no legend: the hint and error message before it, both linked from the input
   * by {@code aria-describedby}. The label ({@code f.label()}) is the checkbox's.
   */
  public static String singleCheckbox(Field f, String value, boolean checked, Lang lang) {
    StringBuilder b = new StringBuilder(groupOpen(f, "", "")).append(hint(f));
    if (f.error() != null) {
      b.append(errorMessage(f, lang));
    }
    b.append("<div class=\"govuk-checkboxes\" data-module=\"govuk-checkboxes\"><div class=\"govuk-checkboxes__item\">")
        .append("<input class=\"govuk-checkboxes__input\"");
    attr(b, "id", f.id());
    attr(b, "name", f.name());
    attr(b, "type", "checkbox");
    attr(b, "value", value);
    if (checked) {
      b.append(" checked");
    }
    attr(b, "aria-describedby", describedBy(f));
    b.append("><label class=\"govuk-label govuk-checkboxes__label\" for=\"").append(attr(f.id())).append("\">")
        .append(text(f.label())).append("</label></div></div></div>");
    return b.toString();
  }

  /** The {@code data-module} that marks a select for the accessible autocomplete. */
  public static final String AUTOCOMPLETE_MODULE = "civickit-autocomplete";

  /** A select box keeping {@code selected}. */
  public static String select(Field f, List<Option> options, @Nullable String selected,
      Lang lang) {
    return select(f, options, selected, null, false, lang);
  }

  /**
   * A select box keeping {@code selected}, with a first empty option labelled
   * {@code placeholder} (when not null) so that nothing is chosen until the person chooses;
   * {@code autocomplete} marks it ({@code data-module="civickit-autocomplete"}) for the Design
   * System's accessible autocomplete, which the host's own script file applies.
   */
  public static String select(Field f, List<Option> options, @Nullable String selected,
      @Nullable String placeholder, boolean autocomplete, Lang lang) {
    StringBuilder b = new StringBuilder(groupOpen(f, "", "")).append(label(f)).append(hint(f));
    if (f.error() != null) {
      b.append(errorMessage(f, lang));
    }
    b.append("<select class=\"govuk-select").append(f.error() != null ? " govuk-select--error" : "")
        .append('"');
    attr(b, "id", f.id());
    attr(b, "name", f.name());
    attr(b, "aria-describedby", describedBy(f));
    if (autocomplete) {
      // The hook for the Design System's accessible-autocomplete, which the host's own script file
      // applies (enhanceSelectElement); without it, this stays a plain select.
      b.append(" data-module=\"").append(AUTOCOMPLETE_MODULE).append('"');
    }
    b.append('>');
    if (placeholder != null) {
      b.append("<option value=\"\">").append(text(placeholder)).append("</option>");
    }
    for (Option o : options) {
      b.append("<option");
      attr(b, "value", o.value());
      if (o.value().equals(selected)) {
        b.append(" selected");
      }
      b.append('>').append(text(o.text())).append("</option>");
    }
    return b.append("</select></div>").toString();
  }

  /** A file upload input (browsers never keep a chosen file, so there is no value). */
  public static String fileUpload(Field f, @Nullable String accept, Lang lang) {
    StringBuilder b = new StringBuilder(groupOpen(f, "", "")).append(label(f)).append(hint(f));
    if (f.error() != null) {
      b.append(errorMessage(f, lang));
    }
    b.append("<input class=\"govuk-file-upload")
        .append(f.error() != null ? " govuk-file-upload--error" : "").append('"');
    attr(b, "id", f.id());
    attr(b, "name", f.name());
    b.append(" type=\"file\"");
    attr(b, "accept", accept);
    attr(b, "aria-describedby", describedBy(f));
    return b.append("></div>").toString();
  }

  // ---------------------------------------------------------------- summaries

  /** A summary list (check your answers) with Change links carrying visually hidden text. */
  public static String summaryList(List<SummaryRow> rows, Lang lang) {
    StringBuilder b = new StringBuilder("<dl class=\"govuk-summary-list\">");
    boolean anyActions = rows.stream().anyMatch(r -> r.changeHref() != null);
    for (SummaryRow r : rows) {
      b.append("<div class=\"govuk-summary-list__row")
          .append(anyActions && r.changeHref() == null ? " govuk-summary-list__row--no-actions" : "")
          .append("\"><dt class=\"govuk-summary-list__key\">").append(text(r.key()))
          .append("</dt><dd class=\"govuk-summary-list__value\">");
      for (int i = 0; i < r.valueLines().size(); i++) {
        if (i > 0) {
          b.append("<br>");
        }
        b.append(text(r.valueLines().get(i)));
      }
      b.append("</dd>");
      if (r.changeHref() != null) {
        b.append("<dd class=\"govuk-summary-list__actions\"><a class=\"govuk-link\"");
        attr(b, "href", r.changeHref());
        b.append('>').append(text(lang.change)).append("<span class=\"govuk-visually-hidden\"> ")
            .append(text(r.changeHiddenText())).append("</span></a></dd>");
      }
      b.append("</div>");
    }
    return b.append("</dl>").toString();
  }

  /** A task list. */
  public static String taskList(List<Task> tasks, Lang lang) {
    StringBuilder b = new StringBuilder("<ul class=\"govuk-task-list\">");
    for (Task t : tasks) {
      String statusId = t.id() + "-status";
      String hintId = t.id() + "-hint";
      boolean link = t.href() != null && t.status() != TaskStatus.CANNOT_START_YET;
      b.append("<li class=\"govuk-task-list__item")
          .append(link ? " govuk-task-list__item--with-link" : "")
          .append("\"><div class=\"govuk-task-list__name-and-hint\">");
      if (link) {
        b.append("<a class=\"govuk-link govuk-task-list__link\"");
        attr(b, "href", t.href());
        attr(b, "aria-describedby", t.hint() == null ? statusId : hintId + " " + statusId);
        b.append('>').append(text(t.name())).append("</a>");
      } else {
        b.append("<div>").append(text(t.name())).append("</div>");
      }
      if (t.hint() != null) {
        b.append("<div id=\"").append(attr(hintId)).append("\" class=\"govuk-task-list__hint\">")
            .append(text(t.hint())).append("</div>");
      }
      b.append("</div><div class=\"govuk-task-list__status")
          .append(t.status() == TaskStatus.CANNOT_START_YET
              ? " govuk-task-list__status--cannot-start-yet" : "")
          .append("\" id=\"").append(attr(statusId)).append("\">");
      switch (t.status()) {
        case COMPLETED -> b.append(text(lang.completed));
        case NOT_YET_STARTED -> b.append("<strong class=\"govuk-tag govuk-tag--blue\">")
            .append(text(lang.notStarted)).append("</strong>");
        case IN_PROGRESS -> b.append("<strong class=\"govuk-tag govuk-tag--light-blue\">")
            .append(text(lang.inProgress)).append("</strong>");
        case CANNOT_START_YET -> b.append(text(lang.cannotStart));
      }
      b.append("</div></li>");
    }
    return b.append("</ul>").toString();
  }

  /**
   * The add-another pattern: the items added so far as a summary list with Change and Remove
   * links, then a yes/no question named {@code name} asking whether to add another.
   */
  public static String addAnother(String heading, List<SummaryRow> items,
      List<String> removeHrefs, String name, @Nullable String error, Lang lang) {
    StringBuilder b = new StringBuilder("<h1 class=\"govuk-heading-l\">").append(text(heading))
        .append("</h1><dl class=\"govuk-summary-list govuk-summary-list--long-key\">");
    for (int i = 0; i < items.size(); i++) {
      SummaryRow r = items.get(i);
      b.append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">")
          .append(text(r.key())).append("</dt><dd class=\"govuk-summary-list__actions\">"
              + "<ul class=\"govuk-summary-list__actions-list\">");
      if (r.changeHref() != null) {
        b.append("<li class=\"govuk-summary-list__actions-list-item\"><a class=\"govuk-link\"");
        attr(b, "href", r.changeHref());
        b.append('>').append(text(lang.change)).append("<span class=\"govuk-visually-hidden\"> ")
            .append(text(r.changeHiddenText())).append("</span></a></li>");
      }
      if (i < removeHrefs.size()) {
        b.append("<li class=\"govuk-summary-list__actions-list-item\"><a class=\"govuk-link\"");
        attr(b, "href", removeHrefs.get(i));
        b.append('>').append(text(lang.remove)).append("<span class=\"govuk-visually-hidden\"> ")
            .append(text(r.changeHiddenText())).append("</span></a></li>");
      }
      b.append("</ul></dd></div>");
    }
    b.append("</dl>");
    Field f = new Field(name, name, lang.addAnother, null, error, false);
    b.append(radios(f, List.of(new Option("yes", lang.yes, null), new Option("no", lang.no, null)),
        null, true, lang));
    return b.toString();
  }
}
