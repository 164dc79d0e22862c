package io.civickit.core.handoff;

import java.util.Objects;
import java.util.Optional;

/**
 * How the person would like to be contacted by the assisted channel.
 *
 * @param method the way to contact them
 * @param detail the email address, phone number or postal address for that method; personal
 *     data, never printed by {@link #toString()}
 */
public record ContactPreference(Method method, Optional<String> detail) {

  /** The ways a person can ask to be contacted. */
  public enum Method {
    /** By email. */
    EMAIL,
    /** By a phone call. */
    PHONE,
    /** By text message. */
    TEXT_MESSAGE,
    /** By post. */
    POST,
    /** In the web chat they are already in, or however the council sees fit. */
    NO_PREFERENCE
  }

  /** Checks that a method other than {@link Method#NO_PREFERENCE} has a non-blank detail. */
  public ContactPreference {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(detail, "detail");
    if (method != Method.NO_PREFERENCE && detail.map(String::isBlank).orElse(true)) {
      throw new IllegalArgumentException("contact by " + method + " needs an address or number");
    }
  }

  /** By email, at this address. */
  public static ContactPreference email(String address) {
    return new ContactPreference(Method.EMAIL, Optional.of(address));
  }

  /** By phone, on this number. */
  public static ContactPreference phone(String number) {
    return new ContactPreference(Method.PHONE, Optional.of(number));
  }

  /** By text message, to this mobile number. */
  public static ContactPreference textMessage(String number) {
    return new ContactPreference(Method.TEXT_MESSAGE, Optional.of(number));
  }

  /** No preference given. */
  public static ContactPreference none() {
    return new ContactPreference(Method.NO_PREFERENCE, Optional.empty());
  }

  @Override
  public String toString() {
    return "ContactPreference[" + method + (detail.isPresent() ? ", detail=***" : "") + "]";
  }
}
