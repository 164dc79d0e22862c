package io.civickit.benchmarks.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The housing form as the annotated bean a Spring or Jakarta EE service would bind it to, with
 * the same rules as {@link HousingForm}. Fields are public so the binder is a plain assignment.
 */
public final class HousingApplication {

  /** A valid telephone number, checked with libphonenumber (as CivicKit does). */
  @Target({ElementType.FIELD})
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = UkPhoneValidator.class)
  public @interface UkPhoneNumber {
    /** The message. */
    String message() default "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192";

    /** Groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};
  }

  /** The validator of {@link UkPhoneNumber}. */
  public static final class UkPhoneValidator implements ConstraintValidator<UkPhoneNumber, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || UkPhone.isValid(value);
    }
  }

  /** Email as the form checks it: one @, a dotted domain ending in letters. */
  static final String EMAIL = "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,63}";
  static final String POSTCODE = "[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}";
  static final String YES_NO = "yes|no";

  @NotBlank(message = "Enter your full name") @Size(max = 100, message = "Full name must be 100 characters or less")
  public String fullName;
  @Size(max = 50, message = "Preferred name must be 50 characters or less")
  public String preferredName;
  @NotNull(message = "Enter your date of birth")
  public LocalDate dateOfBirth;
  @NotBlank(message = "Enter your email address") @Size(max = 320) @Email(regexp = EMAIL,
      message = "Enter an email address in the correct format, like name@example.com")
  public String email;
  @NotBlank(message = "Enter your telephone number") @UkPhoneNumber
  public String phone;
  @NotBlank(message = "Enter your building and street") @Size(max = 100, message = "Building and street must be {max} characters or less")
  public String addressLine1;
  @Size(max = 100, message = "Second address line must be {max} characters or less")
  public String addressLine2;
  @NotBlank(message = "Enter your town or city") @Size(max = 60, message = "Town or city must be {max} characters or less")
  public String town;
  @NotBlank(message = "Enter your postcode") @Pattern(regexp = POSTCODE, message = "Enter a full UK postcode")
  public String postcode;
  @NotNull(message = "Enter your household size") @Min(value = 1, message = "Household size must be {value} or more")
  @Max(value = 20, message = "Household size must be {value} or less")
  public Integer householdSize;
  @NotNull(message = "Enter your number of bedrooms") @Min(value = 0, message = "Number of bedrooms must be {value} or more")
  @Max(value = 10, message = "Number of bedrooms must be {value} or less")
  public Integer bedrooms;
  @NotNull(message = "Enter your weekly rent") @DecimalMin(value = "0", message = "Weekly rent must be {value} or more")
  @DecimalMax(value = "5000", message = "Weekly rent must be {value} or less")
  public BigDecimal weeklyRent;
  @NotNull(message = "Enter your move-in date")
  public LocalDate moveInDate;
  @NotNull(message = "Select your tenure") @Pattern(regexp = "own|rent_council|rent_private|other",
      message = "Select your tenure from the list")
  public String tenure;
  @NotNull(message = "Select your council area") @Pattern(
      regexp = "north|south|east|west|central|riverside|hillside|old_town|new_town|rural",
      message = "Select your council area from the list")
  public String councilArea;
  @NotNull(message = "Select your answer about children") @Pattern(regexp = YES_NO, message = "Select yes or no")
  public String hasChildren;
  @NotNull(message = "Select your answer about benefits") @Pattern(regexp = YES_NO, message = "Select yes or no")
  public String receivesBenefits;
  @NotNull(message = "Select your answer about adaptations") @Pattern(regexp = YES_NO, message = "Select yes or no")
  public String needsAdaptations;
  @Size(max = 5, message = "Select your support needs from the list")
  public List<@Pattern(regexp = "mobility|sight|hearing|learning|mental_health",
      message = "Select your support needs from the list") String> supportNeeds;
  @NotEmpty(message = "Select your contact preference") @Pattern(regexp = "email|phone|post",
      message = "Select your contact preference from the list")
  public String contactPreference;
  @Size(max = 100, message = "Employer name must be {max} characters or less")
  public String employerName;
  @NotNull(message = "Enter your monthly income") @DecimalMin(value = "0", message = "Monthly income must be {value} or more")
  @DecimalMax(value = "100000", message = "Monthly income must be {value} or less")
  public BigDecimal monthlyIncome;
  @NotNull(message = "Enter your tenancy start date")
  public LocalDate tenancyStart;
  @Size(max = 320) @Email(regexp = EMAIL, message = "Enter an email address in the correct format, like name@example.com")
  public String altEmail;
  @NotBlank(message = "Enter your reason for moving") @Size(max = 1000, message = "Reason for moving must be {max} characters or less")
  public String reason;
}
