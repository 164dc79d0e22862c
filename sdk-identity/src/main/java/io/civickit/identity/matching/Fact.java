package io.civickit.identity.matching;

/** The facts a claim can be matched on. */
public enum Fact {
  /** The council's reference (council tax account, benefit claim, tenancy...). */
  REFERENCE,
  /** The person's full name, compared tolerantly. */
  NAME,
  /** The date of birth. */
  DATE_OF_BIRTH,
  /** The postcode of the address the council holds. */
  POSTCODE
}
