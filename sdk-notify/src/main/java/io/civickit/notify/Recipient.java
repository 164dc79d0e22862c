package io.civickit.notify;

import java.util.List;
import java.util.Objects;

/** Who a notification goes to, and by which kind of channel. */
public sealed interface Recipient {

  /** An email address. */
  record Email(String address) implements Recipient {
    public Email {
      Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
      return "Email[" + Masking.email(address) + "]";
    }
  }

  /** A mobile phone number that receives text messages. */
  record Sms(String phoneNumber) implements Recipient {
    public Sms {
      Objects.requireNonNull(phoneNumber, "phoneNumber");
    }

    @Override
    public String toString() {
      return "Sms[" + Masking.phone(phoneNumber) + "]";
    }
  }

  /** A postal address: between 3 and 7 lines, the last a UK postcode (or a country for abroad). */
  record Letter(List<String> addressLines) implements Recipient {
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
