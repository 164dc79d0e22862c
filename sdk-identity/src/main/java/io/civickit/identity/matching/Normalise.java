package io.civickit.identity.matching;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The normalisation both sides of a match go through, public so that a supplier can store
 * values the same way.
 */
public final class Normalise {
  private Normalise() {}

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "dame");
  private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,2})\\D+(\\d{1,2})\\D+(\\d{4})");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern WORD_DATE = Pattern.compile("(\\d{1,2})\\s+([a-z]+)\\s+(\\d{4})");
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  /**
   * A name for comparison: accents removed ({@code Zoë} to {@code zoe}), lower case, apostrophes
   * dropped ({@code O’Donnell} to {@code odonnell}), hyphens, dots and commas read as spaces,
   * titles dropped, spaces collapsed.
   */
  public static String name(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKD);
    s = MARKS.matcher(s).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    s = s.replaceAll("['’‘`´]", "");
    s = s.replaceAll("[-‐‑–—.,]", " ");
    s = s.replaceAll("[^\\p{L}\\p{N} ]", " ");
    return Arrays.stream(s.trim().split("\\s+"))
        .filter(w -> !w.isEmpty() && !TITLES.contains(w))
        .collect(Collectors.joining(" "));
  }

  /**
   * How alike two names are, from 0 to 1: the Jaro-Winkler similarity (Apache Commons Text) of
   * the normalised names, or of their words in alphabetical order if that is higher (so
   * {@code Doe Jane} matches {@code Jane Doe}).
   */
  public static double nameSimilarity(String a, String b) {
    String na = name(a);
    String nb = name(b);
    if (na.isEmpty() || nb.isEmpty()) {
      return 0;
    }
    double direct = JARO_WINKLER.apply(na, nb);
    double sorted = JARO_WINKLER.apply(sortedWords(na), sortedWords(nb));
    return Math.max(direct, sorted);
  }

  private static String sortedWords(String s) {
    return Arrays.stream(s.split(" ")).sorted().collect(Collectors.joining(" "));
  }

  /** A UK postcode as {@code SW1A 1AA}: upper case, one space before the last three characters. */
  public static String postcode(String raw) {
    String s = raw.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    if (s.length() < 5) {
      return s;
    }
    return s.substring(0, s.length() - 3) + " " + s.substring(s.length() - 3);
  }

  /** A reference: upper case, without spaces, hyphens or slashes. */
  public static String reference(String raw) {
    return raw.replaceAll("[\\s\\-/.]", "").toUpperCase(Locale.ROOT);
  }

  /**
   * A date typed as {@code 1970-01-31}, {@code 31/1/1970}, {@code 31 1 1970}, {@code 31.01.1970}
   * or {@code 31 January 1970} (or {@code Jan}); empty if it is none of these or no real date.
   */
  public static Optional<LocalDate> date(String raw) {
    String s = raw.strip().toLowerCase(Locale.ROOT);
    try {
      Matcher m = ISO_DATE.matcher(s);
      if (m.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))));
      }
      m = NUMERIC_DATE.matcher(s);
      if (m.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(1))));
      }
      m = WORD_DATE.matcher(s);
      if (m.matches()) {
        Optional<Month> month = month(m.group(2));
        if (month.isPresent()) {
          return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), month.get(), Integer.parseInt(m.group(1))));
        }
      }
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<Month> month(String word) {
    if (word.length() < 3) {
      return Optional.empty();
    }
    for (Month m : Month.values()) {
      String full = m.name().toLowerCase(Locale.ROOT);
      if (full.equals(word) || full.substring(0, 3).equals(word) || ("sept".equals(word) && m == Month.SEPTEMBER)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
