package io.civickit.notify.template;

/** How a text message is encoded on the network, which decides how many characters fit a part. */
public enum SmsEncoding {

  /** GSM 03.38 7-bit: 160 characters in one part, 153 per part of a longer message. */
  GSM("GSM"),

  /** UCS-2 (16-bit): 70 characters in one part, 67 per part of a longer message. */
  UCS_2("UCS-2");

  private final String label;

  SmsEncoding(String label) {
    this.label = label;
  }

  /** The conventional name: {@code GSM} or {@code UCS-2}. */
  public String label() {
    return label;
  }
}
