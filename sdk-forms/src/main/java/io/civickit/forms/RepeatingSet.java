package io.civickit.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A repeating set of pages: the GOV.UK "add to a list" pattern, where each item (a child, a
 * vehicle, a previous address) is asked on one or more pages, and after each item a summary
 * lists the items so far, with Change and Remove for each, and asks "Do you need to add another
 * ...?". The set belongs to a {@link Page} (see {@link Page.Builder#repeat(RepeatingSet)}): that
 * page's id is the journey step and the answer key, and its answer is
 * {@code Value.items([Value.fields({questionId: value, ...}), ...])}, one {@code Fields} per item
 * holding the answers to the item questions shown (a question left blank holds
 * {@code FormJourney.NOT_PROVIDED}; one hidden by its show-if is absent).
 *
 * <p>Show-if conditions on item pages and item questions read the item's own answers
 * ({@code answers.child-name}) as well as the rest of the form's. Item question ids are unique in
 * the whole form; a condition outside the set cannot refer to them (lint says so).
 *
 * @param itemName what one item is, lower case, used in sentences: {@code "child"}, {@code "plentyn"}
 * @param itemsName what several items are, lower case: {@code "children"}, {@code "plant"}
 * @param pages the pages asked for each item, in order, at least one
 * @param minItems the fewest items the person must add, 0 or more
 * @param maxItems the most items the person may add, at least {@code minItems} and at least 1
 */
public record RepeatingSet(LocalisedText itemName, LocalisedText itemsName, List<Page> pages, int minItems,
    int maxItems) {

  /** Most items any set may allow. */
  public static final int MAX_ITEMS = 100;

  /** Most pages per item. */
  public static final int MAX_PAGES = 20;

  /** Checks the set: pages, unique ids, no nested sets, sensible limits. */
  public RepeatingSet {
    Objects.requireNonNull(itemName, "itemName");
    Objects.requireNonNull(itemsName, "itemsName");
    pages = List.copyOf(pages);
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("repeating set for '" + itemName.en() + "' has no pages; it needs at least one");
    }
    if (pages.size() > MAX_PAGES) {
      throw new IllegalArgumentException("repeating set for '" + itemName.en() + "' has " + pages.size()
          + " pages; at most " + MAX_PAGES);
    }
    if (minItems < 0) {
      throw new IllegalArgumentException("repeating set for '" + itemName.en() + "': minItems must be 0 or more, but was "
          + minItems);
    }
    if (maxItems < 1 || maxItems > MAX_ITEMS) {
      throw new IllegalArgumentException("repeating set for '" + itemName.en() + "': maxItems must be between 1 and "
          + MAX_ITEMS + ", but was " + maxItems);
    }
    if (minItems > maxItems) {
      throw new IllegalArgumentException("repeating set for '" + itemName.en() + "': minItems " + minItems
          + " is more than maxItems " + maxItems);
    }
    Set<String> pageIds = new HashSet<>();
    Set<String> questionIds = new HashSet<>();
    for (Page p : pages) {
      if (!pageIds.add(p.id())) {
        throw new IllegalArgumentException("repeating set for '" + itemName.en() + "': page id '" + p.id()
            + "' is used twice");
      }
      if (p.repeat().isPresent()) {
        throw new IllegalArgumentException("repeating set for '" + itemName.en() + "': page '" + p.id()
            + "' has a repeating set of its own; sets do not nest");
      }
      for (Question q : p.questions()) {
        if (q.type() == QuestionType.REPEATING_GROUP || q.type() == QuestionType.FILE) {
          throw new IllegalArgumentException("repeating set for '" + itemName.en() + "': question '" + q.id()
              + "' is a " + q.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + ", which cannot be asked inside a repeating set");
        }
        if (!questionIds.add(q.id())) {
          throw new IllegalArgumentException("repeating set for '" + itemName.en() + "': question id '" + q.id()
              + "' is used twice");
        }
      }
    }
  }

  /**
   * Every question asked for an item, in page order.
   *
   * @return the questions
   */
  public List<Question> questions() {
    List<Question> out = new ArrayList<>();
    pages.forEach(p -> out.addAll(p.questions()));
    return out;
  }

  /**
   * Starts a builder.
   *
   * @param itemName one item, in English, lower case ("child")
   * @param itemsName several items, in English, lower case ("children")
   * @return a builder allowing 0 to 10 items until told otherwise
   */
  public static Builder builder(String itemName, String itemsName) {
    return new Builder(LocalisedText.english(itemName), LocalisedText.english(itemsName));
  }

  /**
   * Starts a builder with English and Welsh names.
   *
   * @param itemName one item ("child", "plentyn")
   * @param itemsName several items ("children", "plant")
   * @return a builder allowing 0 to 10 items until told otherwise
   */
  public static Builder builder(LocalisedText itemName, LocalisedText itemsName) {
    return new Builder(itemName, itemsName);
  }

  /** Builder for {@link RepeatingSet}. */
  public static final class Builder {
    private final LocalisedText itemName;
    private final LocalisedText itemsName;
    private final List<Page> pages = new ArrayList<>();
    private int minItems = 0;
    private int maxItems = 10;

    private Builder(LocalisedText itemName, LocalisedText itemsName) {
      this.itemName = itemName;
      this.itemsName = itemsName;
    }

    /**
     * Adds a page asked for each item, after those already added.
     *
     * @param page the page
     * @return this builder
     */
    public Builder page(Page page) {
      pages.add(page);
      return this;
    }

    /**
     * How many items the person must and may add.
     *
     * @param min the fewest, 0 or more (default 0)
     * @param max the most, at least {@code min} (default 10)
     * @return this builder
     */
    public Builder items(int min, int max) {
      this.minItems = min;
      this.maxItems = max;
      return this;
    }

    /**
     * Builds the set.
     *
     * @return the set
     * @throws IllegalArgumentException naming the problem: no pages, minimum above maximum...
     */
    public RepeatingSet build() {
      return new RepeatingSet(itemName, itemsName, pages, minItems, maxItems);
    }
  }
}
