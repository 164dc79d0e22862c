package io.civickit.forms;

import io.civickit.core.Answer;
import io.civickit.core.FieldError;
import io.civickit.core.Journey;
import io.civickit.core.Value;
import io.civickit.core.condition.Condition;
import io.civickit.core.condition.ConditionContext;
import io.civickit.forms.internal.journey.CompiledForm;
import io.civickit.forms.validation.Messages;
import io.civickit.forms.validation.Validation;
import io.civickit.forms.validation.ValidationResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The items of a {@link RepeatingSet} while the person is adding them, as the fields they typed:
 * a runner keeps these as the set's draft and submits them to the set's step when the person
 * says they do not need to add another.
 *
 * <p>The fields of item {@code i} are named {@code i/NAME}, where {@code NAME} is the field the
 * renderer makes ({@code dob-day}); a page of an item that has been submitted is marked by the
 * field {@code i/@PAGE}. Items are numbered from 0 without gaps: {@link #without} renumbers.
 *
 * <p>{@link #check} reads one item: which of its pages are shown (page and question show-ifs see
 * the item's own answers and the rest of the form's), the errors on each, and its answer as a
 * {@code Value.Fields}.
 */
public final class RepeatingItems {
  private RepeatingItems() {}

  /** The name of the yes/no "Do you need to add another?" field on the summary page. */
  public static final String ADD_ANOTHER = "add-another";

  /** The name of the yes/no field on the removal confirmation page. */
  public static final String CONFIRM_REMOVE = "confirm-remove";

  /**
   * What one item comes to.
   *
   * @param index the item's number, from 0
   * @param shownPages the ids of the item's pages shown, in order
   * @param errors the errors of each shown page with any, by page id (field names without the
   *     item prefix)
   * @param unsubmitted the ids of shown pages the person has not submitted yet
   * @param values the answers to the item's shown questions that are valid, by question id
   * @param displays how each answer reads, by question id
   */
  public record Item(int index, List<String> shownPages, Map<String, List<FieldError>> errors,
      List<String> unsubmitted, Map<String, Value> values, Map<String, String> displays) {
    /** Copies the parts. */
    public Item {
      shownPages = List.copyOf(shownPages);
      errors = Map.copyOf(errors);
      unsubmitted = List.copyOf(unsubmitted);
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
      displays = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(displays));
    }

    /**
     * Whether every shown page has been submitted without errors.
     *
     * @return true when the item is complete
     */
    public boolean complete() {
      return errors.isEmpty() && unsubmitted.isEmpty();
    }

    /**
     * The first page still to be answered, if any.
     *
     * @return its id
     */
    public Optional<String> nextPage() {
      for (String p : shownPages) {
        if (unsubmitted.contains(p) || errors.containsKey(p)) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }

    /**
     * The item as stored in the journey.
     *
     * @return a {@code Value.Fields} of its answers
     */
    public Value value() {
      return Value.fields(values);
    }
  }

  /**
   * The number of items in a draft.
   *
   * @param draft the set's fields
   * @return one more than the highest item number, or 0
   */
  public static int count(Map<String, List<String>> draft) {
    int n = 0;
    for (String k : draft.keySet()) {
      int i = index(k);
      if (i >= 0) {
        n = Math.max(n, i + 1);
      }
    }
    return n;
  }

  private static int index(String key) {
    int slash = key == null ? -1 : key.indexOf('/');
    if (slash < 1 || slash > 3) {
      return -1;
    }
    String digits = key.substring(0, slash);
    return digits.chars().allMatch(c -> c >= '0' && c <= '9') ? Integer.parseInt(digits) : -1;
  }

  /**
   * The fields of one item, without the item prefix.
   *
   * @param draft the set's fields
   * @param index the item, from 0
   * @return its fields, the page marks included
   */
  public static Map<String, List<String>> item(Map<String, List<String>> draft, int index) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String prefix = index + "/";
    draft.forEach((k, v) -> {
      if (k != null && k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  /**
   * The draft with one page of an item replaced by what was submitted on it, and the page marked
   * as submitted.
   *
   * @param draft the set's fields
   * @param index the item (may be {@link #count} for a new item)
   * @param page the item page submitted
   * @param input the fields sent, without the CSRF token
   * @return a new draft
   */
  public static Map<String, List<String>> withPage(Map<String, List<String>> draft, int index, Page page,
      Map<String, List<String>> input) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String prefix = index + "/";
    draft.forEach((k, v) -> {
      if (!(k.startsWith(prefix) && belongs(page, k.substring(prefix.length())))) {
        out.put(k, v);
      }
    });
    input.forEach((k, v) -> {
      if (k != null && belongs(page, k)) {
        out.put(prefix + k, v == null ? List.of() : v);
      }
    });
    out.put(prefix + "@" + page.id(), List.of("1"));
    return out;
  }

  /** Whether a field belongs to a question of the page: its id, or its id then a hyphen (dob-day). */
  private static boolean belongs(Page page, String field) {
    for (Question q : page.questions()) {
      if (field.equals(q.id()) || field.startsWith(q.id() + "-")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The draft without one item, the later ones moved up.
   *
   * @param draft the set's fields
   * @param index the item to remove
   * @return a new draft
   */
  public static Map<String, List<String>> without(Map<String, List<String>> draft, int index) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    draft.forEach((k, v) -> {
      int i = index(k);
      if (i < 0 || i < index) {
        out.put(k, v);
      } else if (i > index) {
        out.put((i - 1) + k.substring(k.indexOf('/')), v);
      }
    });
    return out;
  }

  /**
   * The draft that shows a set's stored answer again: every item, its pages marked as submitted.
   *
   * @param page the set's page
   * @param journey the journey
   * @return the fields, empty when the set has no answer
   */
  public static Map<String, List<String>> of(Page page, Journey journey) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    RepeatingSet set = page.repeat().orElseThrow(() -> new IllegalArgumentException("page '" + page.id()
        + "' is not a repeating set"));
    Answer a = journey.answers().get(page.id());
    if (a == null || !(a.value() instanceof Value.Items items)) {
      return out;
    }
    int i = 0;
    for (Value item : items.values()) {
      if (!(item instanceof Value.Fields f)) {
        continue;
      }
      for (Page p : set.pages()) {
        for (Question q : p.questions()) {
          Value v = f.values().get(q.id());
          if (v != null) {
            out.put(i + "/@" + p.id(), List.of("1"));
            int n = i;
            PageInput.fields(q, Answer.of(v)).forEach((k, x) -> out.put(n + "/" + k, x));
          }
        }
      }
      i++;
    }
    return out;
  }

  /**
   * Reads one item: the pages shown, their errors and the answers.
   *
   * @param set the set
   * @param otherAnswers the form's other answers, which conditions may read
   * @param attributes the journey attributes conditions may read
   * @param draft the set's fields
   * @param index the item
   * @param locale the language of error messages
   * @param today today's date
   * @param messages the form's messages
   * @return the item
   */
  public static Item check(RepeatingSet set, Map<String, Value> otherAnswers, Map<String, Value> attributes,
      Map<String, List<String>> draft, int index, Locale locale, LocalDate today, Messages messages) {
    Map<String, List<String>> raw = item(draft, index);
    Map<String, Value> values = new HashMap<>(otherAnswers);
    set.questions().forEach(q -> values.remove(q.id()));
    Map<String, Value> own = new LinkedHashMap<>();
    Map<String, String> displays = new LinkedHashMap<>();
    List<String> shown = new ArrayList<>();
    List<String> unsubmitted = new ArrayList<>();
    Map<String, List<FieldError>> errors = new LinkedHashMap<>();
    for (Page p : set.pages()) {
      if (p.showIf().isPresent() && !holds(p.showIf().get(), values, attributes, today)) {
        continue;
      }
      shown.add(p.id());
      if (!raw.containsKey("@" + p.id())) {
        unsubmitted.add(p.id());
      }
      List<FieldError> pageErrors = new ArrayList<>();
      for (Question q : p.questions()) {
        if (!shown(p, q, values, attributes, today)) {
          continue;
        }
        ValidationResult r = Validation.validate(q, raw, locale, today, messages);
        if (r instanceof ValidationResult.Invalid bad) {
          pageErrors.addAll(bad.errors());
          continue;
        }
        ValidationResult.Valid ok = (ValidationResult.Valid) r;
        Value v = ok.value().orElse(CompiledForm.NOT_PROVIDED);
        own.put(q.id(), v);
        values.put(q.id(), v);
        displays.put(q.id(), ok.value().isPresent() ? ok.display() : Validation.notProvided(locale));
      }
      if (!pageErrors.isEmpty()) {
        errors.put(p.id(), pageErrors);
      }
    }
    return new Item(index, shown, errors, unsubmitted, own, displays);
  }

  /**
   * Reads one item of a journey's set: conditions see the journey's other answers and attributes.
   *
   * @param set the set
   * @param journey the journey
   * @param draft the set's fields
   * @param index the item
   * @param locale the language of error messages
   * @param today today's date
   * @param messages the form's messages
   * @return the item
   */
  public static Item check(RepeatingSet set, Journey journey, Map<String, List<String>> draft, int index,
      Locale locale, LocalDate today, Messages messages) {
    return check(set, journey.values(), CompiledForm.attributes(journey), draft, index, locale, today, messages);
  }

  /**
   * The messages validation uses for a form: the built-in ones with the form's own.
   *
   * @param form the form
   * @return the messages
   */
  public static Messages messages(Form form) {
    Map<String, String> en = new LinkedHashMap<>();
    Map<String, String> cy = new LinkedHashMap<>();
    form.messages().forEach((k, t) -> {
      en.put(k, t.en());
      cy.put(k, t.cy());
    });
    return form.messages().isEmpty() ? Messages.defaults()
        : Messages.defaults().with(Locale.UK, en).with(Locale.forLanguageTag("cy"), cy);
  }

  /**
   * Every item of a draft, checked.
   *
   * @param set the set
   * @param journey the journey (its other answers and attributes feed conditions)
   * @param draft the set's fields
   * @param locale the language of errors
   * @param today today's date
   * @param messages the form's messages
   * @return the items, in order
   */
  public static List<Item> checkAll(RepeatingSet set, Journey journey, Map<String, List<String>> draft, Locale locale,
      LocalDate today, Messages messages) {
    List<Item> out = new ArrayList<>();
    Map<String, Value> attributes = CompiledForm.attributes(journey);
    for (int i = 0; i < count(draft); i++) {
      out.add(check(set, journey.values(), attributes, draft, i, locale, today, messages));
    }
    return out;
  }

  /**
   * The draft with only the complete items, renumbered.
   *
   * @param draft the set's fields
   * @param items the items checked
   * @return a new draft
   */
  public static Map<String, List<String>> completeOnly(Map<String, List<String>> draft, List<Item> items) {
    Map<String, List<String>> out = draft;
    TreeSet<Integer> drop = new TreeSet<>();
    items.stream().filter(i -> !i.complete()).forEach(i -> drop.add(i.index()));
    for (int i : drop.descendingSet()) {
      out = without(out, i);
    }
    return out;
  }

  /**
   * The short name of an item, for the summary and the removal question: the answer to its first
   * question, or "child 2" when that is blank.
   *
   * @param set the set
   * @param item the item
   * @param locale the language
   * @return the label
   */
  public static String label(RepeatingSet set, Item item, Locale locale) {
    for (Question q : set.questions()) {
      Value v = item.values().get(q.id());
      String d = item.displays().get(q.id());
      if (v != null && !v.equals(CompiledForm.NOT_PROVIDED) && d != null && !d.isBlank()) {
        return d.lines().findFirst().orElse(d);
      }
    }
    return set.itemName().in(locale) + " " + (item.index() + 1);
  }

  private static boolean holds(String condition, Map<String, Value> values, Map<String, Value> attributes,
      LocalDate today) {
    return Condition.parse(condition).test(ConditionContext.of(values, attributes, today));
  }

  private static boolean shown(Page p, Question q, Map<String, Value> values, Map<String, Value> attributes,
      LocalDate today) {
    if (q.showIf().isPresent() && !holds(q.showIf().get(), values, attributes, today)) {
      return false;
    }
    Optional<Map.Entry<Question, Option>> reveal = p.revealedBy(q.id());
    if (reveal.isPresent()) {
      Question parent = reveal.get().getKey();
      Value pv = values.get(parent.id());
      String opt = reveal.get().getValue().value();
      if (pv instanceof Value.Bool b) {
        return b.value() == "yes".equals(opt);
      }
      if (pv instanceof Value.Text t) {
        return t.value().equals(opt);
      }
      if (pv instanceof Value.Items items) {
        return items.values().contains(Value.text(opt));
      }
      return false;
    }
    return true;
  }
}
