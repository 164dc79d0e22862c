package io.civickit.forms.address;

import io.civickit.forms.LocalisedText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The countries and territories an {@code international-address} question offers: every ISO
 * 3166-1 country but the United Kingdom (ask a UK address for that) and three places no one lives
 * to post to (Antarctica, Bouvet Island, Heard and McDonald Islands), with their English and Welsh
 * names from the Unicode Common Locale Data Repository (CLDR 39).
 */
public final class Countries {
  private static final List<Country> ALL = load();
  private static final Map<String, Country> BY_CODE = index(ALL);

  private Countries() {}

  /**
   * Every country offered, in the order of their English names.
   *
   * @return the countries, unmodifiable
   */
  public static List<Country> all() {
    return ALL;
  }

  /**
   * Every country offered, in the order of their names in a language, as a list shows them.
   *
   * @param locale English or Welsh
   * @return the countries, sorted by {@code name().in(locale)}
   */
  public static List<Country> sorted(Locale locale) {
    Collator collator = Collator.getInstance(locale);
    List<Country> out = new ArrayList<>(ALL);
    out.sort(Comparator.comparing((Country c) -> c.name().in(locale), collator));
    return List.copyOf(out);
  }

  /**
   * Finds a country by its code.
   *
   * @param code an ISO 3166-1 alpha-2 code such as {@code FR}
   * @return the country, or empty when the code is not one offered ({@code GB} included)
   */
  public static Optional<Country> find(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  private static List<Country> load() {
    List<Country> out = new ArrayList<>();
    try (InputStream in = Countries.class.getResourceAsStream("countries.tsv")) {
      if (in == null) {
        throw new IllegalStateException("io/civickit/forms/address/countries.tsv is missing from the sdk-forms jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] p = line.split("\t", -1);
        if (p.length != 3) {
          throw new IllegalStateException("countries.tsv: a line needs a code, an English and a Welsh name: " + line);
        }
        out.add(new Country(p[0], LocalisedText.of(p[1], p[2])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read io/civickit/forms/address/countries.tsv", e);
    }
    return List.copyOf(out);
  }

  private static Map<String, Country> index(List<Country> all) {
    Map<String, Country> m = new LinkedHashMap<>();
    for (Country c : all) {
      if (m.put(c.code(), c) != null) {
        throw new IllegalStateException("countries.tsv lists " + c.code() + " twice");
      }
    }
    return Map.copyOf(m);
  }
}
