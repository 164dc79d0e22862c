package io.civickit.notify;

import java.util.List;
import java.util.Objects;

/** Who a notification goes to, and by which kind of channel. */
public sealed interface Recipient {

  /**
   * An email address. {@link #toString()} masks it.
   *
   * @param address the address as given; channels check its form before sending, and a malformed
   *     address fails the send rather than this constructor
   */
  record Email(String address) implements Recipient {
    /**
     * Checks that the address is present.
     *
     * @throws NullPointerException if {@code address} is null
     */
    public Email {
      Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
      return "Email[" + Masking.email(address) + "]";
    }
  }

  /**
   * A mobile phone number that receives text messages. {@link #toString()} masks it.
   *
   * @param phoneNumber the number as given; channels check its form before sending, and a malformed
   *     number fails the send rather than this constructor
   */
  record Sms(String phoneNumber) implements Recipient {
    /**
     * Checks that the number is present.
     *
     * @throws NullPointerException if {@code phoneNumber} is null
     */
    public Sms {
      Objects.requireNonNull(phoneNumber, "phoneNumber");
    }

    @Override
    public String toString() {
      return "Sms[" + Masking.phone(phoneNumber) + "]";
    }
  }

  /**
   * A postal address: between 3 and 7 lines, the last a UK postcode (or a country for abroad).
   *
   * @param addressLines the lines in order, first line first; unmodifiable
   */
  record Letter(List<String> addressLines) implements Recipient {
    /**
     * Takes an unmodifiable copy of the lines and checks how many there are.
     *
     * @throws NullPointerException if {@code addressLines} is null or holds null
     * @throws IllegalArgumentException if there are fewer than 3 or more than 7 lines
     */
    public Letter {
      addressLines = List.copyOf(addressLines);
      if (addressLines.size() < 3 || addressLines.size() > 7) {
        throw new IllegalArgumentException(
            "a letter address must have 3 to 7 lines, but had " + addressLines.size());
      }
    }

    @Override
    public String toString() {
      return "Letter[" + addressLines.size() + " lines]";
    }
  }
}
