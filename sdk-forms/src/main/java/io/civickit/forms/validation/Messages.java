package io.civickit.forms.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * The error messages validation uses, in English and Welsh, with any a council overrides.
 * Immutable: {@link #with} returns a copy.
 *
 * <p>Messages are templates with named placeholders, filled in from authored text and limits
 * only, never from what the person typed:
 *
 * <ul>
 *   <li>{@code {noun}} the question's error noun as authored ("your date of birth"),
 *       {@code {Noun}} the same with a capital first letter;
 *   <li>{@code {min}}, {@code {max}} limits (numbers, money, dates, counts), {@code {date}} a
 *       date limit, {@code {size}} a file size such as "2MB", {@code {types}} the accepted file
 *       types ("a PDF, JPG or PNG");
 *   <li>for Welsh, {@code {i_noun}} the noun joined to the preposition "i" ("i’ch dyddiad geni",
 *       "i’r dyddiad dechrau") and {@code {noun_soft}} the noun softly mutated when it has no
 *       determiner ("rif ffôn").
 * </ul>
 *
 * <pre>{@code
 * Messages messages = Messages.defaults()
 *     .with(Locale.UK, Map.of("postcode.invalid", "Enter a postcode in Barsetshire, like BS1 1AA"))
 *     .with(Locale.forLanguageTag("cy"), ResourceBundle.getBundle("council-messages", cyLocale));
 * Validation.validate(question, input, locale, today, messages);
 * }</pre>
 */
public final class Messages {
  private static final String DEFAULT_EN = "messages.properties";
  private static final String DEFAULT_CY = "messages_cy.properties";
  private static final Messages DEFAULTS = new Messages(load(DEFAULT_EN), load(DEFAULT_CY));

  private final Map<String, String> en;
  private final Map<String, String> cy;
  private final Map<String, Template> enTemplates;
  private final Map<String, Template> cyTemplates;

  private Messages(Map<String, String> en, Map<String, String> cy) {
    this.en = Collections.unmodifiableMap(new LinkedHashMap<>(en));
    this.cy = Collections.unmodifiableMap(new LinkedHashMap<>(cy));
    this.enTemplates = templates(this.en);
    this.cyTemplates = templates(this.cy);
  }

  /**
   * A template with, for each opening brace that has a closing brace after it, the text between
   * them: the placeholder name looked up when the message is written. Read once, so that writing
   * a message makes no new strings but the message itself.
   *
   * @param text the template
   * @param opens positions of those opening braces, in order
   * @param closes position of the first closing brace after each
   * @param names the text between each pair
   */
  private record Template(String text, int[] opens, int[] closes, String[] names) {
    static Template of(String text) {
      int n = 0;
      for (int i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
        n++;
      }
      int[] opens = new int[n];
      int[] closes = new int[n];
      String[] names = new String[n];
      int k = 0;
      for (int i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
        int close = text.indexOf('}', i + 1);
        if (close > i) {
          opens[k] = i;
          closes[k] = close;
          names[k] = text.substring(i + 1, close);
          k++;
        }
      }
      return new Template(text, Arrays.copyOf(opens, k), Arrays.copyOf(closes, k), Arrays.copyOf(names, k));
    }
  }

  private static Map<String, Template> templates(Map<String, String> texts) {
    Map<String, Template> out = new HashMap<>();
    texts.forEach((k, v) -> out.put(k, Template.of(v)));
    return out;
  }

  private static Map<String, String> load(String resource) {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " in io.civickit.forms.validation");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    new TreeSet<>(p.stringPropertyNames()).forEach(k -> out.put(k, p.getProperty(k)));
    return out;
  }

  /**
   * The built-in GOV.UK-style messages.
   *
   * @return the defaults
   */
  public static Messages defaults() {
    return DEFAULTS;
  }

  /**
   * Every message key, for example {@code required}, {@code date.real}, {@code file.too.big}.
   *
   * @return the keys, sorted
   */
  public static Set<String> keys() {
    return Collections.unmodifiableSet(new TreeSet<>(DEFAULTS.en.keySet()));
  }

  private static boolean welsh(Locale locale) {
    return "cy".equals(locale.getLanguage());
  }

  /**
   * A copy with some messages replaced for one language.
   *
   * @param language the language the messages are in ({@code cy} for Welsh, anything else English)
   * @param overrides message templates by key
   * @return the copy
   * @throws IllegalArgumentException naming a key that is not a message key, or a blank message
   */
  public Messages with(Locale language, Map<String, String> overrides) {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(overrides, "overrides");
    Map<String, String> target = new LinkedHashMap<>(welsh(language) ? cy : en);
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      if (!target.containsKey(e.getKey())) {
        throw new IllegalArgumentException("unknown message key '" + e.getKey() + "'; the keys are " + keys());
      }
      if (e.getValue() == null || e.getValue().isBlank()) {
        throw new IllegalArgumentException("message '" + e.getKey() + "' must not be blank");
      }
      target.put(e.getKey(), e.getValue());
    }
    return welsh(language) ? new Messages(en, target) : new Messages(target, cy);
  }

  /**
   * A copy with the messages of a resource bundle (loaded by the host application, e.g.
   * {@code ResourceBundle.getBundle("council/messages", Locale.forLanguageTag("cy"))}) replacing
   * those with the same keys.
   *
   * @param language the language the bundle is in
   * @param bundle the bundle
   * @return the copy
   * @throws IllegalArgumentException naming a key that is not a message key
   */
  public Messages with(Locale language, ResourceBundle bundle) {
    Objects.requireNonNull(bundle, "bundle");
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String k : new TreeSet<>(bundle.keySet())) {
      overrides.put(k, bundle.getString(k));
    }
    return with(language, overrides);
  }

  /**
   * The template for a key in a language.
   *
   * @param key the message key
   * @param locale the language ({@code cy} for Welsh, anything else English)
   * @return the template
   * @throws IllegalArgumentException if the key is unknown
   */
  public String template(String key, Locale locale) {
    String t = (welsh(locale) ? cy : en).get(key);
    if (t == null) {
      throw new IllegalArgumentException("unknown message key '" + key + "'");
    }
    return t;
  }

  /**
   * Fills in a template's placeholders.
   *
   * @param key the message key
   * @param locale the language
   * @param values placeholder names (without braces) to values
   * @return the message
   * @throws IllegalArgumentException if the key is unknown
   */
  public String format(String key, Locale locale, Map<String, String> values) {
    Template template = (welsh(locale) ? cyTemplates : enTemplates).get(key);
    if (template == null) {
      throw new IllegalArgumentException("unknown message key '" + key + "'");
    }
    return fill(template, values);
  }

  /**
   * Fills in the placeholders of a template that is not one of these messages, such as a
   * question's own message ({@link io.civickit.forms.Question#messages()}). Braces without a value
   * are kept as they are.
   *
   * @param template the template, such as "{Subject} must be a multiple of 5"
   * @param values placeholder names (without braces) to values
   * @return the message
   */
  public static String fill(String template, Map<String, String> values) {
    return fill(Template.of(template), values);
  }

  private static String fill(Template template, Map<String, String> values) {
    // Each placeholder with a value is replaced; any other brace is kept as it is.
    String t = template.text();
    StringBuilder b = new StringBuilder(t.length() + 32);
    int i = 0;
    for (int k = 0; k < template.opens().length; k++) {
      int open = template.opens()[k];
      if (open < i) {
        continue;
      }
      String v = values.get(template.names()[k]);
      if (v != null) {
        b.append(t, i, open).append(v);
        i = template.closes()[k] + 1;
      }
    }
    return b.append(t, i, t.length()).toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Messages m && m.en.equals(en) && m.cy.equals(cy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(en, cy);
  }

  @Override
  public String toString() {
    return "Messages[" + en.size() + " keys]";
  }
}
