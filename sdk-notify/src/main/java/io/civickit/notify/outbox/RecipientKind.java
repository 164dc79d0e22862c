package io.civickit.notify.outbox;

import io.civickit.notify.Recipient;

/** The kinds of recipient, for configuring fallback between channels. */
public enum RecipientKind {
  /** An email address. */
  EMAIL,
  /** A mobile phone number. */
  SMS,
  /** A postal address. */
  LETTER;

  /** The kind of a recipient. */
  public static RecipientKind of(Recipient recipient) {
    if (recipient instanceof Recipient.Email) {
      return EMAIL;
    }
    if (recipient instanceof Recipient.Sms) {
      return SMS;
    }
    return LETTER;
  }
}
