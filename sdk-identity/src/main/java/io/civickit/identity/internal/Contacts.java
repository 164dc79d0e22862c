package io.civickit.identity.internal;

import io.civickit.notify.Recipient;
import java.util.Locale;

/** Normalises a contact so that two spellings of one address or number count as one. */
final class Contacts {
  private Contacts() {}

  /** {@code email:jane@example.org} or {@code sms:+447700900123}. */
  public static String canonical(Recipient contact) {
    if (contact instanceof Recipient.Email) {
      return "email:" + ((Recipient.Email) contact).address().strip().toLowerCase(Locale.ROOT);
    }
    if (contact instanceof Recipient.Sms) {
      return "sms:" + phone(((Recipient.Sms) contact).phoneNumber());
    }
    throw new IllegalArgumentException("passcodes go by email or text message, not by " + contact);
  }

  /** UK numbers in E.164: {@code 07700 900123}, {@code 447700900123} and {@code +44 7700 900123} are one number. */
  static String phone(String raw) {
    String digits = raw.replaceAll("[^0-9]", "");
    boolean plus = raw.strip().startsWith("+");
    if (plus) {
      return "+" + digits;
    }
    if (digits.startsWith("00")) {
      return "+" + digits.substring(2);
    }
    if (digits.startsWith("0")) {
      return "+44" + digits.substring(1);
    }
    if (digits.startsWith("44")) {
      return "+" + digits;
    }
    return "+" + digits;
  }

  /** {@code email} or {@code sms}, for evidence. */
  public static String channel(Recipient contact) {
    return contact instanceof Recipient.Email ? "email" : "sms";
  }
}
