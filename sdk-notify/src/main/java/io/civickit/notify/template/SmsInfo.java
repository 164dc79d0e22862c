package io.civickit.notify.template;

import io.civickit.notify.internal.template.Gsm;
import java.util.Objects;

/**
 * The cost of a text message as carriers count it.
 *
 * @param encoding GSM when every character is in GSM 03.38 (basic or extension table), else UCS-2
 * @param fragments how many parts the carrier sends and bills: 1 up to 160 characters (GSM) or
 *     70 (UCS-2), else the characters divided by 153 (GSM) or 67 (UCS-2), rounded up
 * @param characters the characters counted: in GSM an extension-table character ({@code ^ { } \ [
 *     ~ ] | €}) counts 2; in UCS-2 a character outside the Basic Multilingual Plane (most emoji)
 *     counts 2
 */
public record SmsInfo(SmsEncoding encoding, int fragments, int characters) {

  /** The most characters Notify accepts in one text message (6 GSM parts of 153). */
  public static final int MAX_CHARACTERS = 918;

  /** Validates the counts: at least one fragment, no negative characters. */
  public SmsInfo {
    Objects.requireNonNull(encoding, "encoding");
    if (fragments < 1) {
      throw new IllegalArgumentException("fragments must be at least 1, but was " + fragments);
    }
    if (characters < 0) {
      throw new IllegalArgumentException("characters must not be negative, but was " + characters);
    }
  }

  /**
   * Measures text exactly as it will be sent (already downgraded by a
   * {@link SmsCharacterPolicy}; this method changes nothing).
   */
  public static SmsInfo of(String text) {
    return Gsm.measure(Objects.requireNonNull(text, "text"));
  }

  /** True if Notify would reject the message for being longer than {@link #MAX_CHARACTERS}. */
  public boolean tooLong() {
    return characters > MAX_CHARACTERS;
  }
}
