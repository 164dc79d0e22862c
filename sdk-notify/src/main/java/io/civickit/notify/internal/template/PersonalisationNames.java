package io.civickit.notify.internal.template;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A template's personalisation names: which slot (see {@link Placeholders#parse}) each name a
 * service passes fills, found from the name's look-up key once and remembered, and the names of
 * the last render in their order (a {@link Layout}), which the next render usually repeats.
 * Thread-safe.
 */
final class PersonalisationNames {
  /** The most personalisation names a template remembers the slot of. */
  private static final int SEEN_LIMIT = 256;

  /** The slot of each look-up key; only read. */
  private final Map<String, Integer> slots;
  /** The slot (or -1) of personalisation names already rendered with. */
  private final Map<String, Integer> seen = new ConcurrentHashMap<>();
  /** The names of the last render, in its order, with their slots. */
  private volatile @Nullable Layout layout;

  PersonalisationNames(Map<String, Integer> slots) {
    this.slots = Map.copyOf(slots);
  }

  /**
   * The personalisation's values by slot, null where a slot has none (see {@link #resolve}).
   */
  @Nullable Object[] values(Map<String, ?> personalisation) {
    @Nullable Object[] values = new Object[slots.size()];
    Layout last = layout;
    Layout next = resolve(personalisation, last, values);
    if (next != last) {
      layout = next;
    }
    return values;
  }

  /**
   * The personalisation names of one render, in the map's order, each with its slot (-1 for a
   * name the template does not use). Services build the personalisation the same way each
   * time, from the same name strings, so the next render's map usually walks the same names in
   * the same order: each is then known by being the same string as the layout's at that place.
   * Immutable.
   */
  private static final class Layout {
    private final String[] names;
    private final int[] slots;
    /**
     * The class of the map the layout was read from, if it is one of {@link #LOOKED_UP} and no
     * two of its names share a slot (so their order cannot matter); else null.
     */
    private final @Nullable Class<?> lookUp;

    private Layout(String[] names, int[] slots, Class<?> mapClass) {
      this.names = names;
      this.slots = slots;
      boolean distinct = LOOKED_UP.contains(mapClass);
      boolean[] taken = new boolean[slots.length + 1];
      for (int slot : slots) {
        if (slot >= 0 && distinct) {
          if (slot >= taken.length) {
            taken = Arrays.copyOf(taken, slot + 1);
          }
          distinct = !taken[slot];
          taken[slot] = true;
        }
      }
      this.lookUp = distinct ? mapClass : null;
    }
  }

  /**
   * The JDK maps whose look-ups go by {@code equals} and {@code hashCode}, as a personalisation
   * name's do: a map of one of these classes, with the layout's size and each of its names, has
   * exactly the layout's names.
   */
  private static final Set<Class<?>> LOOKED_UP = Set.copyOf(List.of(Map.of().getClass(), Map.of("a", 1).getClass(),
      Map.of("a", 1, "b", 2).getClass(), HashMap.class, LinkedHashMap.class));

  /**
   * Fills {@code values} by looking each of the layout's names up in the map, if the map has
   * exactly those names (see {@link Layout#lookUp}); false, with {@code values} left all null,
   * if it may not.
   */
  private static boolean lookUp(Map<String, ?> personalisation, Layout layout, @Nullable Object[] values) {
    String[] names = layout.names;
    if (layout.lookUp != personalisation.getClass() || names.length != personalisation.size()) {
      return false;
    }
    int[] slots = layout.slots;
    for (int i = 0; i < names.length; i++) {
      Object value = personalisation.get(names[i]);
      if (value != null) {
        if (slots[i] >= 0) {
          values[slots[i]] = value;
        }
      } else if (!personalisation.containsKey(names[i])) {
        Arrays.fill(values, null);
        return false;
      }
    }
    return true;
  }

  /**
   * The personalisation values for the template's look-up keys, by slot (see
   * {@link Placeholders#parse}): each value under the slot of its key, null where there is none.
   * Values are taken in the map's order, so of two names with one key the later wins; null values
   * are ignored. Into {@code values} (one place per slot, all null), a name's slot taken from the
   * layout when the name is the very string the layout has at its place, and from {@link #seen}
   * or its key otherwise. A name's slot depends only on its text, so the layout only saves
   * finding it.
   *
   * @return the layout of this render: {@code layout} itself when every name was found in it,
   *     else a new one (null if the map has more than {@value #SEEN_LIMIT} names)
   */
  private @Nullable Layout resolve(Map<String, ?> personalisation, @Nullable Layout layout,
      @Nullable Object[] values) {
    if (layout != null && layout.lookUp != null && lookUp(personalisation, layout, values)) {
      return layout;
    }
    int size = personalisation.size();
    String[] known = layout == null || layout.names.length != size ? NO_NAMES : layout.names;
    int[] knownSlots = layout == null ? NO_SLOTS : layout.slots;
    String[] names = null; // the new layout's, once a name is not the layout's
    int[] nameSlots = null;
    int i = 0;
    for (Map.Entry<String, ?> entry : personalisation.entrySet()) {
      String name = entry.getKey();
      int slot;
      if (i < known.length && known[i] == name) {
        slot = knownSlots[i];
      } else {
        slot = slot(name);
        if (names == null && size <= SEEN_LIMIT) {
          names = new String[size];
          nameSlots = new int[size];
          System.arraycopy(known, 0, names, 0, Math.min(i, known.length));
          System.arraycopy(knownSlots, 0, nameSlots, 0, Math.min(i, known.length));
        }
      }
      if (names != null && i < size) {
        names[i] = name;
        nameSlots[i] = slot;
      }
      i++;
      Object value = entry.getValue();
      if (value != null && slot >= 0) {
        values[slot] = value;
      }
    }
    if (names == null) {
      return size > SEEN_LIMIT ? null : layout;
    }
    return i == size ? new Layout(names, nameSlots, personalisation.getClass()) : null; // a map changed while read has no layout
  }

  private static final String[] NO_NAMES = new String[0];
  private static final int[] NO_SLOTS = new int[0];

  /** True if any slot has no value. */
  static boolean anyMissing(@Nullable Object[] values) {
    for (Object value : values) {
      if (value == null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The slot of a personalisation name's key, or -1 if the template has no such key. Names
   * already seen (services pass the same few names every time) skip computing the key:
   * {@link #seen} holds at most {@value #SEEN_LIMIT} names.
   */
  private int slot(String name) {
    Integer known = seen.get(name);
    if (known != null) {
      return known;
    }
    Integer slot = slots.get(Placeholders.key(name));
    int result = slot == null ? -1 : slot;
    if (seen.size() < SEEN_LIMIT) {
      seen.put(name, result);
    }
    return result;
  }
}
