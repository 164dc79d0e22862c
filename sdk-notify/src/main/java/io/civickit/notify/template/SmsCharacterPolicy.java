package io.civickit.notify.template;

/**
 * Which characters a text message keeps. GOV.UK Notify is moving from the first policy to the
 * second; CivicKit supports both so a preview matches the rules a service is actually under.
 */
public enum SmsCharacterPolicy {

  /**
   * Notify's established rules: GSM 03.38 characters and Welsh accented letters are kept; other
   * letters with accents are downgraded to their base letter ("ç" becomes "c"), smart quotes,
   * dashes and ellipses become their plain equivalents, invisible characters are removed and
   * anything else (emoji, other scripts) becomes "?". Welsh letters outside GSM (such as "ŵ")
   * are kept and make the message UCS-2.
   */
  GSM_AND_WELSH,

  /**
   * Notify's new rules: every character is kept, and the message is sent as UCS-2 whenever one
   * is outside GSM 03.38. Only smart quotes, dashes, ellipses, tabs, no-break spaces and
   * invisible characters are still replaced, since that changes no meaning.
   */
  ALL_CHARACTERS
}
