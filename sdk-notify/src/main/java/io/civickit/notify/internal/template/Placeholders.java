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
   * @param slot the number of its look-up key, where {@link PersonalisationNames} puts its value
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
