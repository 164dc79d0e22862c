package io.civickit.core;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A human reference number a person can read out on the phone, such as {@code 7KD-4MX-R9T}.
 *
 * <p>The 23-character alphabet has no vowels (so a reference never spells a word), none of
 * the letters easily misread as digits (O, I, L, Z, S, G, B) or a vowel-like Y, and 23 is prime: the last character is
 * a check character over a weighted sum modulo 23, which catches every single-character error
 * and every swap of two adjacent characters. Eight random characters give about 36 bits.
 *
 * @param value the reference in canonical form: upper case, in three groups of three joined by
 *     hyphens
 */
public record Reference(String value) {

  /** The 23 characters a reference is made of, in value order. */
  public static final String ALPHABET = "23456789CDFHJKMNPQRTVWX";
  private static final int P = 23;
  private static final String SYMBOLS = ALPHABET;
  /** Number of random characters before the check character. */
  public static final int DATA_LENGTH = 8;
  private static final SecureRandom SECURE = new SecureRandom();

  /**
   * Checks the reference and puts it in canonical form. Case, spaces and hyphens in the given text
   * do not matter. Use {@link #parse(String)} for references that arrive from outside.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is not a valid reference, including one whose
   *     check character does not match
   */
  public Reference {
    Objects.requireNonNull(value, "value");
    String compact = compact(value);
    if (compact.length() != DATA_LENGTH + 1 || !isValidCompact(compact)) {
      throw new IllegalArgumentException("\"" + (value.length() > 20 ? value.substring(0, 20) + "..." : value)
          + "\" is not a valid reference");
    }
    value = format(compact);
  }

  private static String compact(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toUpperCase(s.charAt(i));
      if (c != ' ' && c != '-') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String format(String compact) {
    return compact.substring(0, 3) + "-" + compact.substring(3, 6) + "-" + compact.substring(6);
  }

  private static int valueOf(char c) {
    return SYMBOLS.indexOf(c);
  }

  private static boolean isValidCompact(String compact) {
    int sum = 0;
    for (int i = 0; i < compact.length(); i++) {
      int v = valueOf(compact.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += (i + 1) * v;
    }
    return sum % P == 0;
  }

  /** A new random reference. */
  public static Reference random() {
    return random(SECURE);
  }

  /** A new random reference from the given randomness. */
  public static Reference random(RandomGenerator random) {
    StringBuilder b = new StringBuilder(DATA_LENGTH + 1);
    int sum = 0;
    for (int i = 0; i < DATA_LENGTH; i++) {
      int v = random.nextInt(P);
      b.append(SYMBOLS.charAt(v));
      sum += (i + 1) * v;
    }
    // choose c so that sum + (DATA_LENGTH + 1) * c == 0 (mod P)
    int w = DATA_LENGTH + 1;
    int inverse = 1;
    while ((w * inverse) % P != 1) {
      inverse++;
    }
    int c = Math.floorMod(-sum * inverse, P);
    b.append(SYMBOLS.charAt(c));
    return new Reference(b.toString());
  }

  /**
   * Reads a reference as a person typed or said it: case, spaces and hyphens do not matter.
   * Empty when it is not a valid reference (a typo the check character caught).
   */
  public static Optional<Reference> parse(String typed) {
    if (typed == null || typed.length() > 40) {
      return Optional.empty();
    }
    String compact = compact(typed.strip().toUpperCase(Locale.ROOT));
    return compact.length() == DATA_LENGTH + 1 && isValidCompact(compact)
        ? Optional.of(new Reference(compact)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
