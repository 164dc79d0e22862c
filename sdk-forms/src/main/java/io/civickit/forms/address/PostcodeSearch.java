package io.civickit.forms.address;

import java.util.List;
import java.util.Objects;

/**
 * What looking up a typed postcode found. Every outcome lets the person enter their address by
 * hand ("I cannot find my address in the list" / "Enter the address manually"), so a lookup that
 * is down or incomplete never stops them.
 *
 * <pre>{@code
 * PostcodeSearch s = PostcodeSearch.run(lookup, typedPostcode);
 * if (s instanceof PostcodeSearch.Found f) { show f.addresses() as radios or a select, plus the manual link }
 * else { show the address fields, pre-filled with s.postcode() where there is one }
 * }</pre>
 */
public sealed interface PostcodeSearch {

  /** Most addresses returned for one postcode, against a lookup gone wrong. */
  int MAX_ADDRESSES = 500;

  /**
   * Addresses were found.
   *
   * @param postcode the normalised postcode
   * @param addresses the addresses, at least one
   */
  record Found(String postcode, List<Address> addresses) implements PostcodeSearch {
    /** Copies the list. */
    public Found {
      Objects.requireNonNull(postcode, "postcode");
      addresses = List.copyOf(addresses);
    }
  }

  /**
   * No address has this postcode: say so, and offer manual entry with the postcode filled in.
   *
   * @param postcode the normalised postcode
   */
  record NoneFound(String postcode) implements PostcodeSearch {}

  /** What was typed is not a UK postcode: show the postcode error, or offer manual entry. */
  record NotAPostcode() implements PostcodeSearch {}

  /**
   * The lookup could not be reached: offer manual entry without an error on the person.
   *
   * @param postcode the normalised postcode
   */
  record Unavailable(String postcode) implements PostcodeSearch {}

  /**
   * Looks a typed postcode up. Never throws for what a person typed or for a lookup failure.
   *
   * @param lookup the lookup
   * @param typed the postcode as typed
   * @return the outcome
   */
  static PostcodeSearch run(AddressLookup lookup, String typed) {
    Objects.requireNonNull(lookup, "lookup");
    var postcode = Address.normalisePostcode(typed == null ? "" : typed);
    if (postcode.isEmpty()) {
      return new NotAPostcode();
    }
    List<Address> found;
    try {
      found = lookup.find(postcode.get());
    } catch (RuntimeException e) {
      return new Unavailable(postcode.get());
    }
    if (found == null || found.isEmpty()) {
      return new NoneFound(postcode.get());
    }
    List<Address> atPostcode = found.stream().filter(a -> a.postcode().equals(postcode.get()))
        .limit(MAX_ADDRESSES).toList();
    return atPostcode.isEmpty() ? new NoneFound(postcode.get()) : new Found(postcode.get(), atPostcode);
  }
}
