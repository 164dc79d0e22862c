package io.civickit.notify.internal.channel;

import io.civickit.notify.Recipient;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Structural checks on an address before anything is sent: enough to catch a typo or a value in
 * the wrong field. The full GOV.UK rules (for example which numbers are UK mobiles) belong to
 * sdk-forms, where a person can correct the answer.
 */
public final class Addresses {
  private Addresses() {}

  private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\-]+");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9\\u00a1-\\uffff]([A-Za-z0-9\\u00a1-\\uffff\\-]*[A-Za-z0-9\\u00a1-\\uffff])?");

  /** Why the recipient cannot be sent to, or empty if it looks sendable. Never repeats the address. */
  public static Optional<String> problem(Recipient recipient) {
    if (recipient instanceof Recipient.Email e) {
      return emailProblem(e.address());
    }
    if (recipient instanceof Recipient.Sms s) {
      return phoneProblem(s.phoneNumber());
    }
    Recipient.Letter l = (Recipient.Letter) recipient;
    for (int i = 0; i < l.addressLines().size(); i++) {
      if (l.addressLines().get(i).isBlank()) {
        return Optional.of("address line " + (i + 1) + " is blank");
      }
    }
    return Optional.empty();
  }

  /** Why the string is not an email address, or empty. */
  public static Optional<String> emailProblem(String address) {
    String a = address.strip();
    if (a.length() > 320) {
      return Optional.of("email address is longer than 320 characters");
    }
    int at = a.lastIndexOf('@');
    if (at <= 0 || at == a.length() - 1) {
      return Optional.of("email address has no '@' between a name and a domain");
    }
    String local = a.substring(0, at);
    String domain = a.substring(at + 1);
    if (local.length() > 64 || !LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".")
        || local.contains("..")) {
      return Optional.of("email address has an invalid part before the '@'");
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return Optional.of("email address domain has no dot");
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63 || !LABEL.matcher(label).matches()) {
        return Optional.of("email address has an invalid domain");
      }
    }
    return Optional.empty();
  }

  /** Why the string is not a mobile number, or empty. */
  public static Optional<String> phoneProblem(String number) {
    String n = normalisePhone(number);
    if (n.isEmpty()) {
      return Optional.of("phone number has no digits");
    }
    if (!n.matches("\\+?[0-9]+")) {
      return Optional.of("phone number must contain only digits, spaces, brackets, dashes and a leading +");
    }
    if (n.startsWith("07")) {
      return n.length() == 11 ? Optional.empty() : Optional.of("a UK mobile number starting 07 has 11 digits");
    }
    if (n.startsWith("+447") || n.startsWith("447")) {
      int digits = n.replace("+", "").length();
      return digits == 12 ? Optional.empty() : Optional.of("a UK mobile number starting 44 7 has 12 digits");
    }
    if (n.startsWith("+") && !n.startsWith("+0")) {
      int digits = n.length() - 1;
      return digits >= 8 && digits <= 15 ? Optional.empty()
          : Optional.of("an international number has 8 to 15 digits after the +");
    }
    return Optional.of("phone number is neither a UK mobile number nor an international number starting with +");
  }

  /** The number without spaces, brackets, dots or dashes; a leading 00 becomes +. */
  public static String normalisePhone(String number) {
    String n = number.strip().replaceAll("[\\s()\\-.]", "");
    if (n.startsWith("00")) {
      n = "+" + n.substring(2);
    }
    return n;
  }
}
