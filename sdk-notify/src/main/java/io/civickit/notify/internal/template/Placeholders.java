package io.civickit.notify.internal.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Notify's placeholders: {@code ((name))} and the conditional {@code ((name??text))}. Names are
 * matched ignoring case, spaces, hyphens and underscores ({@code ((First name))} takes
 * {@code first_name}).
 */
final class Placeholders {

  /** A placeholder, group 1 its body: the definition {@link #parse} follows by hand. */
  static final Pattern PATTERN = Pattern.compile("\\(\\(([^()]+)\\)\\)");

  /** The most personalisation names a template remembers the slot of. */
  private static final int SEEN_LIMIT = 256;

  private Placeholders() {}

  /** The look-up key of a placeholder or personalisation name. */
  static String key(String name) {
    int n = name.length();
    char[] out = new char[n];
    int length = 0;
    boolean ascii = true;
    boolean changed = false;
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c == ' ' || c == '_' || c == '-') {
        changed = true;
      } else if (c >= 'A' && c <= 'Z') {
        out[length++] = (char) (c + ('a' - 'A'));
        changed = true;
      } else {
        ascii &= c < 0x80;
        out[length++] = c;
      }
    }
    if (!ascii) {
      // Lower case outside ASCII can depend on context (a final sigma): leave it to the JDK.
      return new String(out, 0, length).toLowerCase(Locale.ROOT);
    }
    return changed ? new String(out, 0, length) : name;
  }

  /**
   * The personalisation values for a template's look-up keys, by slot (see {@link #parse}):
   * each value under the slot of its key, null where there is none. Values are taken in the
   * map's order, so of two names with one key the later wins; null values are ignored.
   */
  static @Nullable Object[] resolve(Map<String, ?> personalisation, Map<String, Integer> slots,
      Map<String, Integer> seen) {
    @Nullable Object[] values = new Object[slots.size()];
    resolve(personalisation, slots, seen, null, values);
    return values;
  }

  /**
   * The personalisation names of one render, in the map's order, each with its slot (-1 for a
   * name the template does not use). Services build the personalisation the same way each
   * time, from the same name strings, so the next render's map usually walks the same names in
   * the same order: each is then known by being the same string as the layout's at that place.
   * Immutable.
   */
  static final class Layout {
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
            taken = java.util.Arrays.copyOf(taken, slot + 1);
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
        java.util.Arrays.fill(values, null);
        return false;
      }
    }
    return true;
  }

  /**
   * As {@link #resolve(Map, Map, Map)}, into {@code values} (one place per slot, all null), a
   * name's slot taken from the layout when the name is the very string the layout has at its
   * place, and from {@code seen} or its key otherwise. A name's slot depends only on its text,
   * so the layout only saves finding it.
   *
   * @return the layout of this render: {@code layout} itself when every name was found in it,
   *     else a new one (null if the map has more than {@value #SEEN_LIMIT} names)
   */
  static @Nullable Layout resolve(Map<String, ?> personalisation, Map<String, Integer> slots,
      Map<String, Integer> seen, @Nullable Layout layout, @Nullable Object[] values) {
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
        slot = slot(name, slots, seen);
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
   * {@code seen} is a concurrent map of at most {@value #SEEN_LIMIT} names.
   */
  private static int slot(String name, Map<String, Integer> slots, Map<String, Integer> seen) {
    Integer known = seen.get(name);
    if (known != null) {
      return known;
    }
    Integer slot = slots.get(key(name));
    int result = slot == null ? -1 : slot;
    if (seen.size() < SEEN_LIMIT) {
      seen.put(name, result);
    }
    return result;
  }

  /**
   * A text split once into literal runs and placeholders, so that checking for missing values
   * and rendering need not search it again: {@code literal(0)}, {@code placeholder(0)},
   * {@code literal(1)}, ..., {@code literal(n)}. Immutable and thread-safe.
   */
  static final class Parsed {
    private final String[] literals;
    private final Placeholder[] placeholders;
    private final int length;
    private volatile String @Nullable [] escaped;
    /** True if every literal run and conditional text {@link TemplateRendering#escapesPlainly}. */
    private final boolean escapesPlainly;

    private Parsed(String[] literals, Placeholder[] placeholders, int length) {
      this.literals = literals;
      this.placeholders = placeholders;
      this.length = length;
      boolean plainly = true;
      for (String literal : literals) {
        plainly &= TemplateRendering.escapesPlainly(literal);
      }
      for (Placeholder p : placeholders) {
        plainly &= p.conditional() == null || TemplateRendering.escapesPlainly(p.conditional());
      }
      this.escapesPlainly = plainly;
    }

    /** The length of the text parsed. */
    int length() {
      return length;
    }

    /** The literal runs, around and between the placeholders. */
    String[] literals() {
      return literals;
    }

    /** The placeholders, in order. */
    Placeholder[] placeholders() {
      return placeholders;
    }

    /** True if every literal run and conditional text {@link TemplateRendering#escapesPlainly}. */
    boolean escapesPlainly() {
      return escapesPlainly;
    }

    /** The placeholder names, as spelled, in order of first use. */
    Set<String> names() {
      Set<String> names = new LinkedHashSet<>();
      for (Placeholder p : placeholders) {
        names.add(p.name());
      }
      return names;
    }

    /**
     * The HTML-escaped literal runs followed by the escaped conditional texts (one per
     * placeholder, empty when it has none), escaped on first use.
     */
    private String[] escaped() {
      String[] e = escaped;
      if (e == null) {
        int n = placeholders.length;
        e = new String[literals.length + n];
        for (int i = 0; i < literals.length; i++) {
          e[i] = TemplateRendering.escapeHtml(literals[i]);
        }
        for (int i = 0; i < n; i++) {
          String conditional = placeholders[i].conditional();
          e[literals.length + i] = conditional == null ? "" : TemplateRendering.escapeHtml(conditional);
        }
        escaped = e;
      }
      return e;
    }
  }

  /**
   * One placeholder.
   *
   * @param whole the placeholder as written, brackets included
   * @param name the name as spelled (before any {@code ??})
   * @param key the look-up key of the name
   * @param conditional the text after {@code ??}, or null for a plain placeholder
   * @param slot the number of its look-up key, where {@link #resolve} puts its value
   */
  record Placeholder(String whole, String name, String key, @Nullable String conditional, int slot) {}

  /**
   * Splits the text into literal runs and placeholders: {@code ((}, one or more characters
   * other than brackets, {@code ))}, found left to right as {@link #PATTERN} finds them. Each
   * look-up key gets a slot number in {@code slots}, the next free one when it is new there.
   */
  static Parsed parse(String text, Map<String, Integer> slots) {
    int open = text.indexOf("((");
    if (open < 0) {
      return new Parsed(new String[] {text}, new Placeholder[0], text.length());
    }
    List<String> literals = new ArrayList<>();
    List<Placeholder> placeholders = new ArrayList<>();
    int n = text.length();
    int last = 0;
    int i = open;
    while (i >= 0 && i + 1 < n) {
      int j = i + 2;
      while (j < n && text.charAt(j) != '(' && text.charAt(j) != ')') {
        j++;
      }
      if (j > i + 2 && j + 1 < n && text.charAt(j) == ')' && text.charAt(j + 1) == ')') {
        literals.add(text.substring(last, i));
        String body = text.substring(i + 2, j);
        int q = body.indexOf("??");
        String name = q < 0 ? body : body.substring(0, q);
        String key = key(name);
        Integer slot = slots.get(key);
        if (slot == null) {
          slot = slots.size();
          slots.put(key, slot);
        }
        placeholders.add(new Placeholder(text.substring(i, j + 2), name, key,
            q < 0 ? null : body.substring(q + 2), slot));
        last = j + 2;
        i = text.indexOf("((", last);
      } else {
        i = text.indexOf("((", i + 1);
      }
    }
    literals.add(text.substring(last));
    return new Parsed(literals.toArray(new String[0]), placeholders.toArray(new Placeholder[0]), n);
  }

  /** The placeholder names in the text, as spelled, in order of first use. */
  static Set<String> names(String text) {
    return parse(text, new HashMap<>()).names();
  }

  /** The names without a value, as the texts spell them, one per look-up key, in order. */
  static List<String> missing(@Nullable Object[] values, Parsed... texts) {
    Map<String, String> missing = null;
    for (Parsed text : texts) {
      for (Placeholder p : text.placeholders) {
        if (values[p.slot()] == null) {
          if (missing == null) {
            missing = new LinkedHashMap<>();
          }
          missing.putIfAbsent(p.key(), p.name().strip());
        }
      }
    }
    return missing == null ? List.of() : new ArrayList<>(missing.values());
  }

  /**
   * Replaces every placeholder in an email or letter body twice at once, for the plain-text part
   * and HTML-escaped for the HTML part: {@code replace(text, values, false, true)} and
   * {@code replace(text, values, true, true)}, each followed by a line feed. A value's HTML is
   * its plain replacement escaped, so each value is looked up and formatted once.
   *
   * @return the plain and the HTML replacement, in that order
   */
  static String[] replaceBodies(Parsed text, @Nullable Object[] values) {
    String[] literals = text.literals;
    String[] escaped = text.escaped();
    Placeholder[] placeholders = text.placeholders;
    int n = placeholders.length;
    // Each body's parts in order (literal, placeholder, ..., literal, line feed), joined at once.
    String[] plain = new String[2 * n + 2];
    String[] html = new String[2 * n + 2];
    for (int i = 0; i < n; i++) {
      plain[2 * i] = literals[i];
      html[2 * i] = escaped[i];
      Placeholder p = placeholders[i];
      @Nullable String replacement = replacement(values[p.slot()], false, true);
      if (replacement == null) { // unreachable once missing values were checked
        plain[2 * i + 1] = p.whole();
        html[2 * i + 1] = TemplateRendering.escapeHtml(p.whole());
      } else if (p.conditional() == null) {
        plain[2 * i + 1] = replacement;
        html[2 * i + 1] = TemplateRendering.escapeHtml(replacement);
      } else {
        plain[2 * i + 1] = NotifyValues.isYes(replacement) ? p.conditional() : "";
        html[2 * i + 1] = NotifyValues.isYes(TemplateRendering.escapeHtml(replacement)) ? escaped[literals.length + i] : "";
      }
    }
    plain[2 * n] = literals[n];
    html[2 * n] = escaped[n];
    plain[2 * n + 1] = "\n";
    html[2 * n + 1] = "\n";
    return new String[] {String.join("", plain), String.join("", html)};
  }

  /**
   * The plain part of {@link #replaceBodies}, if its HTML part is exactly it with {@code &},
   * {@code <} and {@code >} escaped: when the template's text and each value
   * {@link TemplateRendering#escapesPlainly}. Null otherwise, or if a value is missing.
   */
  static @Nullable String replacePlainBody(Parsed text, @Nullable Object[] values) {
    if (!text.escapesPlainly) {
      return null;
    }
    String[] literals = text.literals;
    Placeholder[] placeholders = text.placeholders;
    int n = placeholders.length;
    String[] plain = new String[2 * n + 2];
    for (int i = 0; i < n; i++) {
      plain[2 * i] = literals[i];
      Placeholder p = placeholders[i];
      @Nullable String replacement = plainlyEscapedReplacement(values[p.slot()]);
      if (replacement == null) {
        return null;
      }
      // A value that escapes plainly is yes exactly when its escaped form is.
      plain[2 * i + 1] = p.conditional() == null ? replacement : NotifyValues.isYes(replacement) ? p.conditional() : "";
    }
    plain[2 * n] = literals[n];
    plain[2 * n + 1] = "\n";
    return String.join("", plain);
  }

  /**
   * {@code replacement(value, false, true)} if it {@link TemplateRendering#escapesPlainly}, else
   * null. A list does when each of its items does: the bullets between them are plain, and no
   * character reference can run across one.
   */
  private static @Nullable String plainlyEscapedReplacement(@Nullable Object value) {
    if (value instanceof String) {
      String s = (String) value;
      return TemplateRendering.escapesPlainly(s) ? s : null;
    }
    if (value instanceof Collection<?>) {
      Collection<?> items = (Collection<?>) value;
      List<String> kept = new ArrayList<>(items.size());
      for (Object item : items) {
        if (item != null) {
          String s = NotifyValues.text(item);
          if (!TemplateRendering.escapesPlainly(s)) {
            return null;
          }
          // ASCII, so without the obscure white space stripObscureWhitespace removes: trimmed.
          String trimmed = NotifyValues.trimAscii(s);
          if (!trimmed.isEmpty()) {
            kept.add(trimmed);
          }
        }
      }
      return kept.isEmpty() ? "" : bullets(kept);
    }
    @Nullable String replacement = replacement(value, false, true);
    return replacement != null && TemplateRendering.escapesPlainly(replacement) ? replacement : null;
  }

  /**
   * Replaces every placeholder. Text outside placeholders and each value are HTML-escaped when
   * {@code html} (for an HTML body) and pass as they are otherwise. A list value becomes
   * markdown bullets when {@code markdownLists}, else "a, b and c".
   */
  static String replace(Parsed text, @Nullable Object[] values, boolean html, boolean markdownLists) {
    String[] literals = html ? text.escaped() : text.literals;
    Placeholder[] placeholders = text.placeholders;
    if (placeholders.length == 0) {
      return literals[0];
    }
    StringBuilder out = new StringBuilder(text.length * 2 + 64 * placeholders.length);
    for (int i = 0; i < placeholders.length; i++) {
      out.append(literals[i]);
      Placeholder p = placeholders[i];
      @Nullable String replacement = replacement(values[p.slot()], html, markdownLists);
      if (replacement == null) {
        out.append(sanitise(p.whole(), html)); // unreachable once missing values were checked
      } else if (p.conditional() == null) {
        out.append(replacement);
      } else if (NotifyValues.isYes(replacement)) {
        out.append(html ? literals[text.literals.length + i] : p.conditional());
      }
    }
    out.append(literals[placeholders.length]);
    return out.toString();
  }

  private static String sanitise(String text, boolean html) {
    return html ? TemplateRendering.escapeHtml(text) : text;
  }

  private static @Nullable String replacement(@Nullable Object value, boolean html,
      boolean markdownLists) {
    if (value == null) {
      return null;
    }
    if (value instanceof String) {
      return sanitise((String) value, html);
    }
    if (value instanceof Collection<?> || value instanceof Object[]) {
      Collection<?> items = value instanceof Object[] ? List.of((Object[]) value) : (Collection<?>) value;
      List<String> kept = new ArrayList<>();
      for (Object item : items) {
        if (item != null) {
          String s = stripObscureWhitespace(NotifyValues.text(item));
          if (!s.isEmpty()) {
            kept.add(s);
          }
        }
      }
      if (kept.isEmpty()) {
        return "";
      }
      return sanitise(markdownLists ? bullets(kept) : NotifyValues.prose(kept), html);
    }
    return sanitise(NotifyValues.text(value), html);
  }

  private static String bullets(List<String> items) {
    int size = 2;
    for (String item : items) {
      size += item.length() + 3;
    }
    StringBuilder out = new StringBuilder(size).append("\n\n");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append("* ").append(items.get(i));
    }
    return out.toString();
  }

  private static String stripObscureWhitespace(String s) {
    String v = s;
    if (hasObscureWhitespace(v)) {
      StringBuilder kept = new StringBuilder(v.length());
      for (int i = 0; i < v.length(); i++) {
        if (!isObscureWhitespace(v.charAt(i))) {
          kept.append(v.charAt(i));
        }
      }
      v = kept.toString();
    }
    int start = 0;
    int end = v.length();
    while (start < end && NotifyValues.isAsciiWhitespace(v.charAt(start))) {
      start++;
    }
    while (end > start && NotifyValues.isAsciiWhitespace(v.charAt(end - 1))) {
      end--;
    }
    return v.substring(start, end);
  }

  private static boolean hasObscureWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isObscureWhitespace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isObscureWhitespace(char c) {
    return c >= '\u00A0' && isObscureWhitespaceAbove(c);
  }

  private static boolean isObscureWhitespaceAbove(char c) {
    return c == '\u180E' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF'
        || c == '\u00A0';
  }
}
