package io.civickit.forms.html;

import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.internal.fields.FieldNames;
import io.civickit.forms.internal.validation.Input;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The "Add another" and "Remove" buttons of a repeating group, which work without JavaScript:
 * they submit the page with {@code GROUP-action} set to {@code add} or {@code remove-N}. When a
 * page comes back with one of these, do not validate or move on: apply it and show the page
 * again with what the person typed.
 *
 * <pre>{@code
 * Optional<AddAnother.Action> action = AddAnother.action(page, input);
 * if (action.isPresent()) {
 *   return renderer.renderPage(page, AddAnother.apply(page, input, action.get()), List.of(), locale, hidden);
 * }
 * }</pre>
 */
public final class AddAnother {
  private AddAnother() {}

  /**
   * A button pressed in a repeating group.
   *
   * @param groupId the repeating group question's id
   * @param add true for "Add another", false for "Remove"
   * @param index the item to remove (0 for the first); -1 for add
   */
  public record Action(String groupId, boolean add, int index) {
    /** Checks the parts. */
    public Action {
      Objects.requireNonNull(groupId, "groupId");
      if (!add && index < 0) {
        throw new IllegalArgumentException("remove needs an item index, not " + index);
      }
    }
  }

  /**
   * The add or remove button pressed on a page, if any.
   *
   * @param page the page
   * @param input the submitted fields
   * @return the action, or empty when the page was submitted with Continue
   */
  public static Optional<Action> action(Page page, Map<String, List<String>> input) {
    for (Question q : page.questions()) {
      Optional<Action> a = action(q, input);
      if (a.isPresent()) {
        return a;
      }
    }
    return Optional.empty();
  }

  /**
   * The add or remove button pressed for one repeating group, if any.
   *
   * @param group the repeating group question
   * @param input the submitted fields
   * @return the action, or empty
   */
  public static Optional<Action> action(Question group, Map<String, List<String>> input) {
    if (group.type() != QuestionType.REPEATING_GROUP) {
      return Optional.empty();
    }
    String v = Input.line(Input.first(input, group.id() + "-action"));
    if (v.equals("add")) {
      return Optional.of(new Action(group.id(), true, -1));
    }
    if (v.startsWith("remove-") && v.length() <= 11 && v.substring(7).matches("[0-9]{1,4}")) {
      int i = Integer.parseInt(v.substring(7));
      return i < FieldNames.MAX_GROUP_INDEX ? Optional.of(new Action(group.id(), false, i)) : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * The fields to show after a button press: one more (empty) item, at most the group's
   * maximum; or the item removed and the later ones moved up, keeping at least one item.
   *
   * @param page the page holding the group
   * @param input the submitted fields
   * @param action the button pressed
   * @return the fields to render, without the action
   */
  public static Map<String, List<String>> apply(Page page, Map<String, List<String>> input, Action action) {
    Question group = page.questions().stream().filter(q -> q.id().equals(action.groupId())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("page '" + page.id() + "' has no question '"
            + action.groupId() + "'"));
    String base = group.id();
    int count = count(group, input);
    Map<String, List<String>> out = new LinkedHashMap<>();
    String prefix = base + "[";
    for (Map.Entry<String, List<String>> e : input.entrySet()) {
      String k = e.getKey();
      if (k == null || k.equals(base + "-action") || k.equals(FieldNames.itemCount(base))) {
        continue;
      }
      if (!action.add() && k.startsWith(prefix)) {
        int close = k.indexOf(']', prefix.length());
        String digits = close > prefix.length() ? k.substring(prefix.length(), close) : "";
        if (digits.matches("[0-9]{1,4}")) {
          int i = Integer.parseInt(digits);
          if (i == action.index()) {
            continue;
          }
          if (i > action.index()) {
            out.put(prefix + (i - 1) + k.substring(close), e.getValue() == null ? List.of() : e.getValue());
            continue;
          }
        }
      }
      out.put(k, e.getValue() == null ? List.of() : e.getValue());
    }
    int next = action.add() ? Math.min(group.maxItems(), count + 1)
        : Math.max(Math.max(1, group.minItems()), count - (action.index() < count ? 1 : 0));
    out.put(FieldNames.itemCount(base), List.of(Integer.toString(next)));
    return out;
  }

  /**
   * The number of items to show for a group: those in the input (even beyond the group's
   * maximum, so the person can remove one), and at least one and at least the group's minimum.
   *
   * @param group the group
   * @param input the fields
   * @return the number of items
   */
  public static int count(Question group, Map<String, List<String>> input) {
    TreeMap<Integer, Boolean> items = FieldNames.items(input, group.id());
    int n = items.isEmpty() ? 0 : items.lastKey() + 1;
    return Math.min(FieldNames.MAX_GROUP_INDEX, Math.max(n, Math.max(1, group.minItems())));
  }

  static List<Integer> indexes(Question group, Map<String, List<String>> input) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < count(group, input); i++) {
      out.add(i);
    }
    return out;
  }
}
