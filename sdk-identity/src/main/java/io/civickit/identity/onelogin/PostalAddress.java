package io.civickit.identity.onelogin;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One address from One Login's {@code https://vocab.account.gov.uk/v1/address} claim.
 *
 * @param fields the address fields as sent ({@code uprn}, {@code buildingNumber}, {@code streetName},
 *     {@code addressLocality}, {@code postalCode}, {@code validFrom}, {@code validUntil}...)
 */
public record PostalAddress(Map<String, String> fields) {
  /**
   * Takes an unmodifiable copy of the fields.
   *
   * @throws NullPointerException if {@code fields} is null or holds a null key or value
   */
  public PostalAddress {
    fields = Map.copyOf(fields);
  }

  /** A field by its One Login name. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(fields.get(Objects.requireNonNull(name, "name")));
  }

  /** The postcode. */
  public Optional<String> postalCode() {
    return get("postalCode");
  }

  /** The UPRN, when One Login has one. */
  public Optional<String> uprn() {
    return get("uprn");
  }

  /** True for the current address (no {@code validUntil}). */
  public boolean isCurrent() {
    return get("validUntil").isEmpty();
  }

  @Override
  public String toString() {
    return "PostalAddress[" + (isCurrent() ? "current" : "previous") + "]";
  }
}
