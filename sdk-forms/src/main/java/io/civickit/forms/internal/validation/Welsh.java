package io.civickit.forms.internal.validation;

import java.util.Locale;

/**
 * The little Welsh grammar error messages need when an authored noun follows another word: the
 * preposition "i" joins a following possessive or article ("i’ch", "i’r", "i’w") and softly
 * mutates a bare noun ("i ddyddiad"); an imperative softly mutates a bare object ("Rhowch rif").
 * Authors should give Welsh error nouns with their determiner ("eich dyddiad geni",
 * "y dyddiad dechrau"); bare nouns are mutated by the usual initial-letter rules.
 */
public final class Welsh {
  private Welsh() {}

  /**
   * The noun after the preposition "i", including the "i".
   *
   * @param noun the authored noun, e.g. {@code eich dyddiad geni}
   * @return e.g. {@code i’ch dyddiad geni}, {@code i’r dyddiad dechrau}, {@code i ddyddiad}
   */
  public static String afterI(String noun) {
    String n = noun.strip();
    if (n.isEmpty()) {
      return "i";
    }
    int space = n.indexOf(' ');
    String first = (space < 0 ? n : n.substring(0, space)).toLowerCase(Locale.ROOT);
    String rest = space < 0 ? "" : n.substring(space);
    switch (first) {
      case "eich":
        return "i’ch" + rest;
      case "ein":
        return "i’n" + rest;
      case "ei":
      case "eu":
        return "i’w" + rest;
      case "fy":
        return "i’m" + rest;
      case "dy":
        return "i’th" + rest;
      case "y":
      case "yr":
        return "i’r" + rest;
      default:
        break;
    }
    if (n.startsWith("’r ") || n.startsWith("'r ")) {
      return "i’r" + n.substring(2);
    }
    return "i " + soft(n);
  }

  /**
   * The noun as the object of an imperative: a bare noun is softly mutated, one with a
   * determiner is left alone.
   *
   * @param noun the authored noun
   * @return e.g. {@code rif ffôn} for {@code rhif ffôn}; {@code eich enw} unchanged
   */
  public static String object(String noun) {
    String n = noun.strip();
    int space = n.indexOf(' ');
    String first = (space < 0 ? n : n.substring(0, space)).toLowerCase(Locale.ROOT);
    switch (first) {
      case "eich":
      case "ein":
      case "ei":
      case "eu":
      case "fy":
      case "dy":
      case "y":
      case "yr":
      case "a":
      case "os":
      case "pa":
        return n;
      default:
        return soft(n);
    }
  }

  /**
   * Soft mutation of the first letter: p→b, t→d, c→g, b→f, d→dd, g→(dropped), m→f, ll→l, rh→r.
   * "ch", "ph", "th" and "ts" do not mutate. The case of the first letter is kept.
   *
   * @param word a word or phrase
   * @return it softly mutated
   */
  public static String soft(String word) {
    if (word.length() < 2) {
      return word;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    boolean upper = Character.isUpperCase(word.charAt(0));
    String replacement;
    int cut;
    if (lower.startsWith("ll")) {
      replacement = "l";
      cut = 2;
    } else if (lower.startsWith("rh")) {
      replacement = "r";
      cut = 2;
    } else if (lower.startsWith("ch") || lower.startsWith("ph") || lower.startsWith("th")
        || lower.startsWith("ts") || lower.startsWith("dd")) {
      return word;
    } else {
      cut = 1;
      switch (lower.charAt(0)) {
        case 'p':
          replacement = "b";
          break;
        case 't':
          replacement = "d";
          break;
        case 'c':
          replacement = "g";
          break;
        case 'b':
        case 'm':
          replacement = "f";
          break;
        case 'd':
          replacement = "dd";
          break;
        case 'g':
          replacement = "";
          break;
        default:
          return word;
      }
    }
    String rest = word.substring(cut);
    if (replacement.isEmpty()) {
      return upper && !rest.isEmpty() ? Character.toUpperCase(rest.charAt(0)) + rest.substring(1) : rest;
    }
    if (upper) {
      replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
    }
    return replacement + rest;
  }
}
