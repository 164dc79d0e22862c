package io.civickit.notify;

/** Masks personal data for log lines: enough to tell two apart, never enough to contact anyone. */
public final class Masking {
  private Masking() {}

  /** {@code jane.doe@example.org} becomes {@code j***@e***.org}. */
  public static String email(String address) {
    int at = address.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    String domain = address.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    String tld = dot >= 0 ? domain.substring(dot) : "";
    return address.charAt(0) + "***@" + (domain.isEmpty() ? "" : domain.charAt(0) + "***") + tld;
  }

  /** {@code 07700 900123} becomes {@code ***123}. */
  public static String phone(String number) {
    String digits = number.replaceAll("[^0-9]", "");
    return digits.length() <= 3 ? "***" : "***" + digits.substring(digits.length() - 3);
  }
}
