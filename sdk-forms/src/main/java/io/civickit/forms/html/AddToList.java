package io.civickit.forms.html;

import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.RepeatingItems;
import io.civickit.forms.RepeatingSet;
import io.civickit.forms.internal.html.Govuk;
import io.civickit.forms.internal.html.Lang;
import io.civickit.forms.internal.journey.ListTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * The pages of the GOV.UK "add to a list" pattern for a {@link RepeatingSet}, in English or Welsh:
 * the summary after each item (a summary list with Change and Remove per item, then "Do you need
 * to add another ...?" or, at the maximum, a sentence saying no more can be added), the removal
 * confirmation ("Are you sure you want to remove ...?") and, for check your answers, a summary
 * card per item. Every text is escaped; links and form actions are the caller's.
 *
 * <p>The forms post back to the page they are on (no {@code action}), with the hidden fields the
 * caller gives (its CSRF token).
 */
public final class AddToList {
  private AddToList() {}

  /**
   * A row of a summary card or list with its actions, each {text, href, visually hidden text}.
   *
   * @param key the key
   * @param value the value lines
   * @param actions the links
   */
  record Row(String key, List<String> value, List<String[]> actions) {}

  /**
   * An item's title, for the caption of its pages and its card on check your answers: "Child 2".
   *
   * @param set the set
   * @param index the item, from 0
   * @param locale the language
   * @return the text
   */
  public static String itemTitle(RepeatingSet set, int index, Locale locale) {
    return ListTexts.t("card.title", set, locale, index + 1, "");
  }

  /**
   * The summary page's heading: "You have added 2 children".
   *
   * @param set the set
   * @param count the items added
   * @param locale the language
   * @return the heading text
   */
  public static String summaryTitle(RepeatingSet set, int count, Locale locale) {
    return ListTexts.t(count == 0 ? "summary.none" : count == 1 ? "summary.one" : "summary.many", set, locale, count, "");
  }

  /**
   * The summary page: heading, error summary, the items with Change and Remove, and the yes/no
   * question (or, when the set is full, the sentence saying so) with a Continue button.
   *
   * @param set the set
   * @param items the complete items, in order
   * @param locale the language
   * @param changeHref where an item's Change goes, given the item
   * @param removeHref where an item's Remove goes, given the item
   * @param error the error on the question, if any
   * @param hidden hidden fields for the form (the CSRF token)
   * @return the HTML fragment
   */
  public static String summaryPage(RepeatingSet set, List<RepeatingItems.Item> items, Locale locale,
      IntFunction<String> changeHref, IntFunction<String> removeHref, Optional<String> error,
      Map<String, String> hidden) {
    Lang lang = Lang.of(locale);
    StringBuilder b = new StringBuilder();
    error.ifPresent(e -> b.append(Govuk.errorSummary(List.of(new Govuk.ErrorLink(
        items.size() >= set.maxItems() ? "continue" : RepeatingItems.ADD_ANOTHER, e)), lang)));
    b.append(Govuk.heading(summaryTitle(set, items.size(), locale)));
    if (!items.isEmpty()) {
      List<Row> rows = new ArrayList<>();
      for (RepeatingItems.Item item : items) {
        String label = RepeatingItems.label(set, item, locale);
        rows.add(new Row(label, List.of(), List.of(
            new String[] {ListTexts.t("change", set, locale, 0, ""), changeHref.apply(item.index()), label},
            new String[] {ListTexts.t("remove", set, locale, 0, ""), removeHref.apply(item.index()), label})));
      }
      b.append(summaryList(rows, true));
    }
    String fields;
    if (items.size() >= set.maxItems()) {
      fields = "<p class=\"govuk-body\" id=\"continue\">" + Govuk.text(ListTexts.t("max.reached", set, locale,
          set.maxItems(), "")) + "</p>";
    } else {
      Govuk.Field f = new Govuk.Field(RepeatingItems.ADD_ANOTHER, RepeatingItems.ADD_ANOTHER,
          ListTexts.t(items.isEmpty() ? "question.first" : "question", set, locale, 0, ""), null, error.orElse(null),
          false);
      fields = Govuk.radios(f, List.of(
          new Govuk.Option("yes", ListTexts.t("yes", set, locale, 0, ""), null, false, false, null),
          new Govuk.Option("no", ListTexts.t("no", set, locale, 0, ""), null, false, false, null)), null, true, lang);
    }
    return b.append(Govuk.form(null, false, hidden, false, fields, lang)).toString();
  }

  /**
   * The removal confirmation page: "Are you sure you want to remove ...?" as the page heading,
   * yes and no, and Continue.
   *
   * @param set the set
   * @param label the item's label (see {@link RepeatingItems#label})
   * @param locale the language
   * @param error the error, if the person chose neither
   * @param hidden hidden fields for the form (the CSRF token)
   * @return the HTML fragment
   */
  public static String removePage(RepeatingSet set, String label, Locale locale, Optional<String> error,
      Map<String, String> hidden) {
    Lang lang = Lang.of(locale);
    StringBuilder b = new StringBuilder();
    error.ifPresent(e -> b.append(Govuk.errorSummary(List.of(new Govuk.ErrorLink(RepeatingItems.CONFIRM_REMOVE, e)),
        lang)));
    Govuk.Field f = new Govuk.Field(RepeatingItems.CONFIRM_REMOVE, RepeatingItems.CONFIRM_REMOVE,
        removeTitle(set, label, locale), null, error.orElse(null), true);
    String fields = Govuk.radios(f, List.of(
        new Govuk.Option("yes", ListTexts.t("remove.yes", set, locale, 0, ""), null, false, false, null),
        new Govuk.Option("no", ListTexts.t("remove.no", set, locale, 0, ""), null, false, false, null)), null, true,
        lang);
    return b.append(Govuk.form(null, false, hidden, false, fields, lang)).toString();
  }

  /**
   * The removal page's title: "Are you sure you want to remove Sam?".
   *
   * @param set the set
   * @param label the item's label
   * @param locale the language
   * @return the text
   */
  public static String removeTitle(RepeatingSet set, String label, Locale locale) {
    return ListTexts.t("remove.title", set, locale, 0, label);
  }

  /**
   * A message of the pattern, for a runner's validation: {@code error.question} ("Select yes if
   * you need to add another child") or {@code remove.error} ("Select yes if you want to remove
   * Sam").
   *
   * @param key the message key
   * @param set the set
   * @param label the item's label (for {@code remove.error})
   * @param locale the language
   * @return the message
   */
  public static String message(String key, RepeatingSet set, String label, Locale locale) {
    if (!key.equals("error.question") && !key.equals("remove.error")) {
      throw new IllegalArgumentException("no add-to-a-list message '" + key + "'; the keys are error.question and "
          + "remove.error");
    }
    return ListTexts.t(key, set, locale, 0, label);
  }

  /**
   * One GOV.UK summary card per item for check your answers: titled "Child 1", a row per question
   * answered, each with a Change link.
   *
   * @param set the set
   * @param items the items, in order
   * @param locale the language
   * @param changeHref where a row's Change goes, given the item and the item page
   * @return the HTML fragment
   */
  public static String cards(RepeatingSet set, List<RepeatingItems.Item> items, Locale locale,
      BiFunction<Integer, String, String> changeHref) {
    Objects.requireNonNull(changeHref, "changeHref");
    StringBuilder b = new StringBuilder();
    for (RepeatingItems.Item item : items) {
      List<Row> rows = new ArrayList<>();
      for (Page p : set.pages()) {
        for (Question q : p.questions()) {
          String display = item.displays().get(q.id());
          if (display == null) {
            continue;
          }
          String key = q.label().in(locale);
          rows.add(new Row(key, display.lines().toList(), List.<String[]>of(new String[] {
              ListTexts.t("change", set, locale, 0, ""), changeHref.apply(item.index(), p.id()),
              key.toLowerCase(locale)})));
        }
      }
      b.append(card(ListTexts.t("card.title", set, locale, item.index() + 1, ""), List.of(), rows));
    }
    return b.toString();
  }

  /** A summary card: title, card actions ({text, href}), then its summary list. */
  static String card(String title, List<String[]> actions, List<Row> rows) {
    StringBuilder b = new StringBuilder("<div class=\"govuk-summary-card\"><div class=\"govuk-summary-card__title-wrapper\">")
        .append("<h2 class=\"govuk-summary-card__title\">").append(Govuk.text(title)).append("</h2>");
    if (actions.size() == 1) {
      b.append("<div class=\"govuk-summary-card__actions\">").append(link(actions.get(0)[0], actions.get(0)[1],
          "(" + title + ")")).append("</div>");
    } else if (!actions.isEmpty()) {
      b.append("<ul class=\"govuk-summary-card__actions\">");
      for (String[] a : actions) {
        b.append("<li class=\"govuk-summary-card__action\">").append(link(a[0], a[1], "(" + title + ")")).append("</li>");
      }
      b.append("</ul>");
    }
    // In a card, GOV.UK Frontend names the card after each row action's hidden text.
    List<Row> named = new ArrayList<>();
    for (Row r : rows) {
      List<String[]> actions2 = new ArrayList<>();
      for (String[] a : r.actions()) {
        actions2.add(new String[] {a[0], a[1], (a[2].isEmpty() ? "" : a[2] + " ") + "(" + title + ")"});
      }
      named.add(new Row(r.key(), r.value(), actions2));
    }
    return b.append("</div><div class=\"govuk-summary-card__content\">").append(summaryList(named, false))
        .append("</div></div>").toString();
  }

  /** A summary list whose rows may have several actions; the value is left out when {@code keyOnly}. */
  static String summaryList(List<Row> rows, boolean keyOnly) {
    boolean anyActions = rows.stream().anyMatch(r -> !r.actions().isEmpty());
    StringBuilder b = new StringBuilder("<dl class=\"govuk-summary-list\">");
    for (Row r : rows) {
      b.append("<div class=\"govuk-summary-list__row")
          .append(anyActions && r.actions().isEmpty() ? " govuk-summary-list__row--no-actions" : "")
          .append("\"><dt class=\"govuk-summary-list__key\">").append(Govuk.text(r.key())).append("</dt>");
      if (!keyOnly) {
        b.append("<dd class=\"govuk-summary-list__value\">");
        for (int i = 0; i < r.value().size(); i++) {
          b.append(i > 0 ? "<br>" : "").append(Govuk.text(r.value().get(i)));
        }
        b.append("</dd>");
      }
      if (r.actions().size() == 1) {
        String[] a = r.actions().get(0);
        b.append("<dd class=\"govuk-summary-list__actions\">").append(link(a[0], a[1], a[2])).append("</dd>");
      } else if (!r.actions().isEmpty()) {
        b.append("<dd class=\"govuk-summary-list__actions\"><ul class=\"govuk-summary-list__actions-list\">");
        for (String[] a : r.actions()) {
          b.append("<li class=\"govuk-summary-list__actions-list-item\">").append(link(a[0], a[1], a[2])).append("</li>");
        }
        b.append("</ul></dd>");
      }
      b.append("</div>");
    }
    return b.append("</dl>").toString();
  }

  private static String link(String text, String href, String hidden) {
    return "<a class=\"govuk-link\" href=\"" + Govuk.attr(href) + "\">" + Govuk.text(text)
        + (hidden == null || hidden.isEmpty() ? "" : "<span class=\"govuk-visually-hidden\"> " + Govuk.text(hidden)
            + "</span>") + "</a>";
  }
}
