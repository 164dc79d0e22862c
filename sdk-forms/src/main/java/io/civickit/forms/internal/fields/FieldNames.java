package io.civickit.forms.internal.fields;

import io.civickit.forms.Question;
import io.civickit.forms.internal.validation.Input;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The names (and HTML ids) of the fields a question is read from and rendered into, in one place
 * so that the validators and the renderers cannot drift apart.
 *
 * <p>For a question whose field base is {@code B} (its id, or {@code GROUP[i].ID} inside a
 * repeating group): {@code B} for single inputs and every checkbox value; {@code B-day},
 * {@code B-month}, {@code B-year} for dates; {@code B-line1}, {@code B-line2}, {@code B-town},
 * {@code B-postcode} (and optionally {@code B-uprn}) for addresses; {@code B-first} and
 * {@code B-last} for a name in two boxes; {@code B-name}, {@code B-size}, {@code B-type} for a
 * file's metadata; and {@code B[i].ITEM...} plus {@code B-items} for the items of a repeating group.
 */
public final class FieldNames {
  /** Most items of a repeating group ever read, whatever the question allows. */
  public static final int MAX_GROUP_INDEX = 1_000;

  private static final List<String> DATE_PARTS = List.of("day", "month", "year");
  private static final List<String> MONTH_YEAR_PARTS = List.of("month", "year");

  private FieldNames() {}

  /**
   * The field of one part of a question in several inputs.
   *
   * @param base the question's field base
   * @param part the part, such as {@code day}, {@code line1} or {@code country}
   * @return e.g. {@code dob-day}
   */
  public static String part(String base, String part) {
    return base + "-" + part;
  }

  /**
   * The parts of a date input, in the order they are shown.
   *
   * @param monthYear whether the date is a month and year only
   * @return {@code day}, {@code month}, {@code year}; or {@code month}, {@code year}
   */
  public static List<String> dateParts(boolean monthYear) {
    return monthYear ? MONTH_YEAR_PARTS : DATE_PARTS;
  }

  /**
   * The fields of a date input, in the order they are shown.
   *
   * @param base the question's field base
   * @param monthYear whether the date is a month and year only
   * @return e.g. {@code dob-day}, {@code dob-month}, {@code dob-year}
   */
  public static List<String> dateFields(String base, boolean monthYear) {
    return dateParts(monthYear).stream().map(p -> part(base, p)).toList();
  }

  /**
   * The id of the first input of a question, which the error summary links to.
   *
   * @param q the question
   * @param base its field base
   * @return the input id
   */
  public static String firstField(Question q, String base) {
    return switch (q.type()) {
      case DATE -> part(base, "day");
      case MONTH_YEAR -> part(base, "month");
      case ADDRESS, INTERNATIONAL_ADDRESS -> part(base, "line1");
      case FIRST_AND_LAST_NAME -> part(base, "first");
      default -> base;
    };
  }

  /**
   * The hidden field in which the renderer writes how many items of a repeating group it showed.
   *
   * @param groupBase the group's field base
   * @return e.g. {@code children-items}
   */
  public static String itemCount(String groupBase) {
    return part(groupBase, "items");
  }

  /**
   * The field base of an item question.
   *
   * @param groupBase the group's field base
   * @param index the item position
   * @param item the item question
   * @return e.g. {@code children[0].name}
   */
  public static String itemBase(String groupBase, int index, Question item) {
    return groupBase + "[" + index + "]." + item.id();
  }

  /**
   * The item positions of a repeating group present in the input: those named in field names
   * ({@code B[3].name}) and those implied by the {@link #itemCount} the renderer writes, capped at
   * {@link #MAX_GROUP_INDEX}; with whether each holds anything.
   *
   * @param input the submitted fields
   * @param base the group's field base
   * @return item index to "has a non-blank value", in index order
   */
  public static TreeMap<Integer, Boolean> items(Map<String, List<String>> input, String base) {
    TreeMap<Integer, Boolean> items = new TreeMap<>();
    String count = Input.line(Input.first(input, itemCount(base)));
    if (!count.isEmpty() && count.length() <= 4 && Input.digits(count)) {
      int n = Math.min(Integer.parseInt(count), MAX_GROUP_INDEX);
      for (int i = 0; i < n; i++) {
        items.put(i, false);
      }
    }
    String prefix = base + "[";
    for (Map.Entry<String, List<String>> e : input.entrySet()) {
      String k = e.getKey();
      if (k == null || !k.startsWith(prefix)) {
        continue;
      }
      int close = k.indexOf(']', prefix.length());
      if (close <= prefix.length() || close - prefix.length() > 4) {
        continue;
      }
      String digits = k.substring(prefix.length(), close);
      if (!Input.digits(digits)) {
        continue;
      }
      int i = Integer.parseInt(digits);
      if (i >= MAX_GROUP_INDEX) {
        continue;
      }
      boolean filled = false;
      List<String> values = e.getValue();
      if (values != null) {
        for (int j = 0; j < values.size() && j < Input.MAX_VALUES && !filled; j++) {
          filled = !Input.line(values.get(j)).isEmpty();
        }
      }
      items.merge(i, filled, Boolean::logicalOr);
    }
    return items;
  }
}
