package io.civickit.notify.internal.template.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Notify's placeholders: {@code ((name))} and the conditional {@code ((name??text))}. Names are
 * matched ignoring case, spaces, hyphens and underscores ({@code ((First name))} takes
 * {@code first_name}).
 */
final class Placeholders {

  static final Pattern PATTERN = Pattern.compile("\\(\\(([^()]+)\\)\\)");

  private static final Set<String> YES = Set.of("yes", "y", "true", "t", "1", "include", "show");

  private Placeholders() {}

  /** The look-up key of a placeholder or personalisation name. */
  static String key(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != ' ' && c != '_' && c != '-') {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** Personalisation keyed for look-up. */
  static Map<String, Object> index(Map<String, ?> personalisation) {
    Map<String, Object> indexed = new HashMap<>();
    personalisation.forEach((k, v) -> {
      if (v != null) {
        indexed.put(key(k), v);
      }
    });
    return indexed;
  }

  /** The placeholder names in the text, as spelled, in order of first use. */
  static Set<String> names(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PATTERN.matcher(text);
    while (m.find()) {
      names.add(name(m.group(1)));
    }
    return names;
  }

  private static String name(String body) {
    int q = body.indexOf("??");
    return q < 0 ? body : body.substring(0, q);
  }

  /** The names without a value, as the texts spell them, one per look-up key, in order. */
  static List<String> missing(Map<String, Object> values, String... texts) {
    Map<String, String> missing = new LinkedHashMap<>();
    for (String text : texts) {
      for (String name : names(text)) {
        String key = key(name);
        if (!values.containsKey(key)) {
          missing.putIfAbsent(key, name.strip());
        }
      }
    }
    return new ArrayList<>(missing.values());
  }

  /**
   * Replaces every placeholder. Text outside placeholders and each value pass through
   * {@code sanitise} (HTML escaping for an HTML body, identity otherwise). A list value becomes
   * markdown bullets when {@code markdownLists}, else "a, b and c".
   */
  static String replace(String text, Map<String, Object> values, UnaryOperator<String> sanitise,
      boolean markdownLists) {
    Matcher m = PATTERN.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    int last = 0;
    while (m.find()) {
      out.append(sanitise.apply(text.substring(last, m.start())));
      String body = m.group(1);
      int q = body.indexOf("??");
      String name = q < 0 ? body : body.substring(0, q);
      @Nullable String replacement = replacement(values.get(key(name)), sanitise, markdownLists);
      if (replacement == null) {
        out.append(sanitise.apply(m.group())); // unreachable once missing values were checked
      } else if (q < 0) {
        out.append(replacement);
      } else {
        out.append(isYes(replacement) ? sanitise.apply(body.substring(q + 2)) : "");
      }
      last = m.end();
    }
    out.append(sanitise.apply(text.substring(last)));
    return out.toString();
  }

  private static @Nullable String replacement(@Nullable Object value, UnaryOperator<String> sanitise,
      boolean markdownLists) {
    if (value == null) {
      return null;
    }
    if (value instanceof Collection<?> || value instanceof Object[]) {
      Collection<?> items = value instanceof Object[] ? List.of((Object[]) value) : (Collection<?>) value;
      List<String> kept = new ArrayList<>();
      for (Object item : items) {
        if (item != null) {
          String s = stripObscureWhitespace(String.valueOf(item));
          if (!s.isEmpty()) {
            kept.add(s);
          }
        }
      }
      if (kept.isEmpty()) {
        return "";
      }
      return sanitise.apply(markdownLists ? bullets(kept) : prose(kept));
    }
    return sanitise.apply(String.valueOf(value));
  }

  private static String bullets(List<String> items) {
    StringBuilder out = new StringBuilder("\n\n");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append("* ").append(items.get(i));
    }
    return out.toString();
  }

  /** "a", "a and b", "a, b and c". */
  static String prose(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  /** The values Notify treats as yes for conditional text, ignoring case. */
  static boolean isYes(String value) {
    return YES.contains(value.toLowerCase(Locale.ROOT));
  }

  private static String stripObscureWhitespace(String s) {
    String v = s;
    for (char c : new char[] {'\u180E', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00A0'}) {
      v = v.replace(String.valueOf(c), "");
    }
    int start = 0;
    int end = v.length();
    while (start < end && isAsciiWhitespace(v.charAt(start))) {
      start++;
    }
    while (end > start && isAsciiWhitespace(v.charAt(end - 1))) {
      end--;
    }
    return v.substring(start, end);
  }

  private static boolean isAsciiWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
  }
}
