package io.civickit.identity.matching;

import java.util.Objects;
import java.util.Optional;

/**
 * What a person says about themselves, as typed. Dates may be typed as {@code 1970-01-31},
 * {@code 31/1/1970}, {@code 31 1 1970} or {@code 31 January 1970}.
 *
 * @param reference the council reference they gave
 * @param name their full name
 * @param dateOfBirth their date of birth
 * @param postcode their postcode
 */
public record Claim(Optional<String> reference, Optional<String> name, Optional<String> dateOfBirth,
    Optional<String> postcode) {
  /**
   * Checks that every component is present; a fact not given is empty, never null.
   *
   * @throws NullPointerException if any component is null
   */
  public Claim {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    Objects.requireNonNull(postcode, "postcode");
  }

  /** A claim builder, for readable call sites. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether a fact was given (and is not blank). */
  public boolean has(Fact fact) {
    Optional<String> v = switch (fact) {
      case REFERENCE -> reference;
      case NAME -> name;
      case DATE_OF_BIRTH -> dateOfBirth;
      case POSTCODE -> postcode;
    };
    return v.filter(s -> !s.isBlank()).isPresent();
  }

  @Override
  public String toString() {
    return "Claim[reference=" + has(Fact.REFERENCE) + ", name=" + has(Fact.NAME) + ", dateOfBirth="
        + has(Fact.DATE_OF_BIRTH) + ", postcode=" + has(Fact.POSTCODE) + "]";
  }

  /** Builds a {@link Claim}. */
  public static final class Builder {
    private Optional<String> reference = Optional.empty();
    private Optional<String> name = Optional.empty();
    private Optional<String> dateOfBirth = Optional.empty();
    private Optional<String> postcode = Optional.empty();

    private Builder() {}

    /** The reference given. */
    public Builder reference(String value) {
      this.reference = Optional.of(value);
      return this;
    }

    /** The name given. */
    public Builder name(String value) {
      this.name = Optional.of(value);
      return this;
    }

    /** The date of birth given, as typed. */
    public Builder dateOfBirth(String value) {
      this.dateOfBirth = Optional.of(value);
      return this;
    }

    /** The postcode given. */
    public Builder postcode(String value) {
      this.postcode = Optional.of(value);
      return this;
    }

    /** The claim. */
    public Claim build() {
      return new Claim(reference, name, dateOfBirth, postcode);
    }
  }
}
