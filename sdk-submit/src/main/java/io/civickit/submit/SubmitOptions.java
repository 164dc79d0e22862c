package io.civickit.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a submission needs beyond the journey and the form: the person's language, the payment
 * made and files uploaded outside the form's own file questions.
 *
 * <pre>{@code
 * submissions.submit(journey, form, SubmitOptions.builder()
 *     .language(Locale.forLanguageTag("cy"))
 *     .payment(new SubmittedPayment(4500, "hu20sqlact5260q2nanm0q8u93", "success", "GW-7K3M-9QXA"))
 *     .build());
 * }</pre>
 *
 * @param language the language the person used ({@code en} unless set)
 * @param payment the payment made, if any
 * @param attachments files to list besides those the form's file questions hold
 */
public record SubmitOptions(Locale language, Optional<SubmittedPayment> payment, List<Attachment> attachments) {

  /**
   * Checks the components and takes a copy of the list.
   *
   * @throws NullPointerException if any component is null
   */
  public SubmitOptions {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(payment, "payment");
    attachments = List.copyOf(attachments);
  }

  /**
   * The defaults: English, no payment, no extra attachments.
   *
   * @return the options
   */
  public static SubmitOptions defaults() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SubmitOptions}. */
  public static final class Builder {
    private Locale language = Locale.UK;
    private SubmittedPayment payment;
    private final List<Attachment> attachments = new ArrayList<>();

    private Builder() {}

    /**
     * The person's language.
     *
     * @param language {@code cy} for Welsh; English otherwise
     * @return this builder
     */
    public Builder language(Locale language) {
      this.language = Objects.requireNonNull(language, "language");
      return this;
    }

    /**
     * The payment made.
     *
     * @param payment the payment
     * @return this builder
     */
    public Builder payment(SubmittedPayment payment) {
      this.payment = Objects.requireNonNull(payment, "payment");
      return this;
    }

    /**
     * Adds an uploaded file.
     *
     * @param attachment the file, by reference
     * @return this builder
     */
    public Builder attachment(Attachment attachment) {
      attachments.add(Objects.requireNonNull(attachment, "attachment"));
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public SubmitOptions build() {
      return new SubmitOptions(language, Optional.ofNullable(payment), attachments);
    }
  }
}
