package io.civickit.notify.internal.template.reference;

import io.civickit.notify.template.SmsCharacterPolicy;
import io.civickit.notify.template.SmsEncoding;
import io.civickit.notify.template.SmsInfo;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The GSM 03.38 alphabet, the character downgrading Notify applies to text messages, and the
 * carrier rules for counting characters and fragments.
 */
public final class Gsm {

  /** The GSM 03.38 extension table: each costs two septets (an escape and the character). */
  static final String EXTENSION = "^{}\\[~]|€";

  /** The GSM 03.38 basic character set (including line feed, carriage return and escape). */
  static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  /** Accented letters used in Welsh; those outside GSM force UCS-2 but are never downgraded. */
  static final String WELSH_ACCENTED =
      "àèìòùẁỳÀÈÌÒÙẀỲáéíóúẃýÁÉÍÓÚẂÝäëïöüẅÿÄËÏÖÜẄŸâêîôûŵŷÂÊÎÔÛŴŶ";

  private static final Set<Integer> GSM = codePoints(BASIC + EXTENSION);
  private static final Set<Integer> GSM_AND_WELSH = union(GSM, codePoints(WELSH_ACCENTED));

  /** Characters replaced by a GSM equivalent (or removed) under both policies. */
  private static final Map<Integer, String> REPLACEMENTS = Map.ofEntries(
      Map.entry(0x2011, "-"), // non-breaking hyphen
      Map.entry(0x2013, "-"), // en dash
      Map.entry(0x2014, "-"), // em dash
      Map.entry(0x2212, "-"), // minus sign
      Map.entry(0x2026, "..."), // horizontal ellipsis
      Map.entry(0x2018, "'"), // left single quotation mark
      Map.entry(0x2019, "'"), // right single quotation mark
      Map.entry(0x201A, "'"), // single low-9 quotation mark
      Map.entry(0x201C, "\""), // left double quotation mark
      Map.entry(0x201D, "\""), // right double quotation mark
      Map.entry(0x201E, "\""), // double low-9 quotation mark
      Map.entry(0x180E, ""), // Mongolian vowel separator
      Map.entry(0x200B, ""), // zero width space
      Map.entry(0x200C, ""), // zero width non-joiner
      Map.entry(0x2060, ""), // word joiner
      Map.entry(0xFEFF, ""), // zero width no-break space
      Map.entry(0x2028, ""), // line separator
      Map.entry(0x2029, ""), // paragraph separator
      Map.entry(0x00A0, " "), // no-break space
      Map.entry(0x202F, " "), // narrow no-break space
      Map.entry((int) '\t', " "));

  private Gsm() {}

  /** True if the code point is in the GSM 03.38 basic or extension table. */
  public static boolean isGsm(int codePoint) {
    return GSM.contains(codePoint);
  }

  /** True if the code point is in the GSM 03.38 extension table (costs two septets). */
  public static boolean isExtension(int codePoint) {
    return EXTENSION.indexOf(codePoint) >= 0;
  }

  /** Applies the policy's character replacements and downgrading to the text. */
  public static String encode(String text, SmsCharacterPolicy policy) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> out.append(encode(cp, policy)));
    return out.toString();
  }

  private static String encode(int cp, SmsCharacterPolicy policy) {
    if (policy == SmsCharacterPolicy.ALL_CHARACTERS) {
      String replacement = REPLACEMENTS.get(cp);
      return replacement != null ? replacement : new String(Character.toChars(cp));
    }
    if (GSM_AND_WELSH.contains(cp)) {
      return new String(Character.toChars(cp));
    }
    if (cp == 0x200D) {
      return ""; // zero width joiner: removed when emoji cannot be sent anyway
    }
    String self = new String(Character.toChars(cp));
    String decomposed = Normalizer.normalize(self, Normalizer.Form.NFD);
    if (!decomposed.equals(self)) {
      // A letter with a mark: keep the base it is built on when that base can be sent
      // (one level of canonical decomposition, so "ǖ" becomes "ü", "ŝ" becomes "s").
      int count = decomposed.codePointCount(0, decomposed.length());
      String base = count == 1
          ? decomposed
          : Normalizer.normalize(
              decomposed.substring(0, decomposed.offsetByCodePoints(decomposed.length(), -1)),
              Normalizer.Form.NFC);
      if (base.codePointCount(0, base.length()) == 1 && GSM_AND_WELSH.contains(base.codePointAt(0))) {
        return base;
      }
      return "?";
    }
    String replacement = REPLACEMENTS.get(cp);
    return replacement != null ? replacement : "?";
  }

  /** The characters of the text (after the policy is applied) that cannot be sent as GSM. */
  public static Set<String> nonGsmCharacters(String text, SmsCharacterPolicy policy) {
    Set<String> found = new LinkedHashSet<>();
    encode(text, policy).codePoints().filter(cp -> !GSM.contains(cp))
        .forEach(cp -> found.add(new String(Character.toChars(cp))));
    return found;
  }

  /** Measures text exactly as it will be sent. */
  public static SmsInfo measure(String text) {
    boolean gsm = text.codePoints().allMatch(GSM::contains);
    if (gsm) {
      int characters = text.length() + (int) text.chars().filter(c -> EXTENSION.indexOf(c) >= 0).count();
      return new SmsInfo(SmsEncoding.GSM, fragments(characters, 160, 153), characters);
    }
    int characters = text.length(); // UCS-2 code units: a character outside the BMP takes two
    return new SmsInfo(SmsEncoding.UCS_2, fragments(characters, 70, 67), characters);
  }

  private static int fragments(int characters, int single, int part) {
    if (characters <= single) {
      return 1;
    }
    return (characters + part - 1) / part;
  }

  private static Set<Integer> codePoints(String s) {
    Set<Integer> set = new java.util.HashSet<>();
    s.codePoints().forEach(set::add);
    return Set.copyOf(set);
  }

  private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
    Set<Integer> set = new java.util.HashSet<>(a);
    set.addAll(b);
    return Set.copyOf(set);
  }
}
