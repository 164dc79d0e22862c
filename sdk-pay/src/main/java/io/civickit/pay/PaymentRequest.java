package io.civickit.pay;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to create a payment ({@code POST /v1/payments}), checked against the limits GOV.UK
 * Pay's API documents, so a bad request fails here with the bad value named rather than at Pay.
 *
 * <pre>{@code
 * PaymentRequest r = PaymentRequest.builder(9000, "7KD-4MX-R9T", "Garden waste permit",
 *         URI.create("https://garden.example.gov.uk/pay/return/abc"))
 *     .language(Language.CY).email("a@example.org").metadata("service", "garden-waste").build();
 * }</pre>
 *
 * @param amountPence the amount in pence, 1 to 10,000,000 (£100,000)
 * @param reference the service's reference, 1 to 255 characters
 * @param description what the person is paying for, shown on the payment page, 1 to 255 characters
 * @param returnUrl where GOV.UK Pay sends the person afterwards: {@code https}, or {@code http}
 *     on localhost for testing; at most 2,000 characters
 * @param language the language of the payment pages
 * @param email the person's email address to pre-fill, at most 254 characters
 * @param metadata up to 10 name/value pairs for reconciliation; names 1 to 30 characters,
 *     values at most 50 characters
 * @param delayedCapture true to capture the payment later ({@link GovUkPay#capture})
 */
public record PaymentRequest(long amountPence, String reference, String description, URI returnUrl, Language language,
    Optional<String> email, Map<String, String> metadata, boolean delayedCapture) {

  /** The largest amount GOV.UK Pay takes, in pence (£100,000). */
  public static final long MAX_AMOUNT_PENCE = 10_000_000L;

  /**
   * Checks every field against the API's documented limits and copies the metadata.
   *
   * @throws NullPointerException if any component is null
   * @throws IllegalArgumentException naming the field and the bad value (or its length)
   */
  public PaymentRequest {
    if (amountPence < 1 || amountPence > MAX_AMOUNT_PENCE) {
      throw new IllegalArgumentException("amount must be 1 to " + MAX_AMOUNT_PENCE + " pence, but was " + amountPence);
    }
    checkText("reference", reference, 255);
    checkText("description", description, 255);
    Objects.requireNonNull(returnUrl, "returnUrl");
    String url = returnUrl.toString();
    if (url.length() > 2000) {
      throw new IllegalArgumentException("return_url must be at most 2000 characters, but was " + url.length());
    }
    if (!isAllowedReturnUrl(returnUrl)) {
      throw new IllegalArgumentException("return_url must be an absolute https URL (http only on localhost), but was "
          + abbreviate(url));
    }
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(email, "email");
    email.ifPresent(e -> {
      if (e.length() > 254 || e.isBlank()) {
        throw new IllegalArgumentException("email must be 1 to 254 characters, but was " + e.length() + " characters");
      }
    });
    if (metadata.size() > 10) {
      throw new IllegalArgumentException("metadata holds at most 10 pairs, but had " + metadata.size());
    }
    metadata.forEach((k, v) -> {
      Objects.requireNonNull(k, "metadata name");
      Objects.requireNonNull(v, "metadata value");
      if (k.isEmpty() || k.length() > 30) {
        throw new IllegalArgumentException("a metadata name is 1 to 30 characters, but was \"" + abbreviate(k) + "\"");
      }
      if (v.length() > 50) {
        throw new IllegalArgumentException("metadata \"" + k + "\" must be at most 50 characters, but was " + v.length());
      }
    });
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  private static void checkText(String field, String value, int max) {
    Objects.requireNonNull(value, field);
    if (value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(field + " must be 1 to " + max + " characters, but was " + value.length()
          + (value.isBlank() ? " (blank)" : ""));
    }
  }

  /** True for an absolute https URL with a host, or an http URL on localhost or 127.0.0.1. */
  static boolean isAllowedReturnUrl(URI u) {
    if (!u.isAbsolute() || u.getHost() == null || u.getRawUserInfo() != null) {
      return false;
    }
    String scheme = u.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (scheme.equals("https")) {
      return true;
    }
    return scheme.equals("http") && (u.getHost().equals("localhost") || u.getHost().equals("127.0.0.1"));
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  @Override
  public String toString() {
    // The email address is personal data: only whether there is one is printed.
    return "PaymentRequest[" + amountPence + "p, reference=" + reference + ", language=" + language.code()
        + (email.isPresent() ? ", email given" : "") + ", delayedCapture=" + delayedCapture + "]";
  }

  /**
   * Starts a request with the four fields GOV.UK Pay requires.
   *
   * @param amountPence the amount in pence
   * @param reference the service's reference
   * @param description what the person is paying for
   * @param returnUrl where the person comes back to
   * @return a builder: English pages, no email, no metadata, immediate capture
   */
  public static Builder builder(long amountPence, String reference, String description, URI returnUrl) {
    return new Builder(amountPence, reference, description, returnUrl);
  }

  /** Builds a {@link PaymentRequest}; {@link #build()} checks every field. */
  public static final class Builder {
    private final long amountPence;
    private final String reference;
    private final String description;
    private final URI returnUrl;
    private Language language = Language.EN;
    private Optional<String> email = Optional.empty();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private boolean delayedCapture;

    private Builder(long amountPence, String reference, String description, URI returnUrl) {
      this.amountPence = amountPence;
      this.reference = reference;
      this.description = description;
      this.returnUrl = returnUrl;
    }

    /**
     * The language of the payment pages.
     *
     * @param value English or Welsh
     * @return this builder
     */
    public Builder language(Language value) {
      this.language = Objects.requireNonNull(value, "language");
      return this;
    }

    /**
     * The person's email address, pre-filled on the payment page.
     *
     * @param value the address
     * @return this builder
     */
    public Builder email(String value) {
      this.email = Optional.of(value);
      return this;
    }

    /**
     * Adds one metadata pair.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder metadata(String name, String value) {
      metadata.put(name, value);
      return this;
    }

    /**
     * Whether the service captures the payment later.
     *
     * @param value true for delayed capture
     * @return this builder
     */
    public Builder delayedCapture(boolean value) {
      this.delayedCapture = value;
      return this;
    }

    /**
     * Checks the fields and builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException naming the first bad field
     */
    public PaymentRequest build() {
      return new PaymentRequest(amountPence, reference, description, returnUrl, language, email, metadata,
          delayedCapture);
    }
  }
}
