package io.civickit.benchmarks.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hibernate Validator (with Expressly for message interpolation) on {@link HousingApplication}.
 * The posted form is bound to the bean first, converting numbers and dates as a web framework's
 * data binder does; a value that does not convert is a binding error on that field, as in
 * Spring's {@code typeMismatch}.
 */
public final class BeanValidationSubmission implements SubmissionValidator {

  /** The bean's violations and the fields that did not convert. */
  public record Outcome(HousingApplication bean, Set<ConstraintViolation<HousingApplication>> violations,
      Map<String, String> bindingErrors) {}

  private final ValidatorFactory factory;
  private final Validator validator;

  /** Bootstraps Hibernate Validator once. */
  public BeanValidationSubmission() {
    this.factory = Validation.buildDefaultValidatorFactory();
    this.validator = factory.getValidator();
  }

  @Override
  public String name() {
    return "Hibernate Validator";
  }

  @Override
  public Outcome validate(Map<String, List<String>> input) {
    Map<String, String> bindingErrors = new LinkedHashMap<>();
    HousingApplication b = new HousingApplication();
    b.fullName = text(input, "full_name");
    b.preferredName = text(input, "preferred_name");
    b.dateOfBirth = date(input, "date_of_birth", bindingErrors);
    b.email = email(input, "email");
    b.phone = text(input, "phone");
    b.addressLine1 = text(input, "address_line1");
    b.addressLine2 = text(input, "address_line2");
    b.town = text(input, "town");
    String postcode = text(input, "postcode");
    b.postcode = postcode == null ? null : postcode.toUpperCase(Locale.ROOT);
    b.householdSize = whole(input, "household_size", bindingErrors);
    b.bedrooms = whole(input, "bedrooms", bindingErrors);
    b.weeklyRent = decimal(input, "weekly_rent", bindingErrors);
    b.moveInDate = date(input, "move_in_date", bindingErrors);
    b.tenure = text(input, "tenure");
    b.councilArea = text(input, "council_area");
    b.hasChildren = text(input, "has_children");
    b.receivesBenefits = text(input, "receives_benefits");
    b.needsAdaptations = text(input, "needs_adaptations");
    List<String> needs = new ArrayList<>();
    for (String v : input.getOrDefault("support_needs", List.of())) {
      String t = v.strip();
      if (!t.isEmpty()) {
        needs.add(t);
      }
    }
    b.supportNeeds = needs;
    b.contactPreference = text(input, "contact_preference");
    b.employerName = text(input, "employer_name");
    b.monthlyIncome = decimal(input, "monthly_income", bindingErrors);
    b.tenancyStart = date(input, "tenancy_start", bindingErrors);
    b.altEmail = email(input, "alt_email");
    b.reason = text(input, "reason");
    return new Outcome(b, validator.validate(b), bindingErrors);
  }

  private static String text(Map<String, List<String>> input, String name) {
    List<String> v = input.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    String t = v.get(0).strip();
    return t.isEmpty() ? null : t;
  }

  private static String email(Map<String, List<String>> input, String name) {
    String t = text(input, name);
    return t == null ? null : t.replace(" ", "");
  }

  private static Integer whole(Map<String, List<String>> input, String name, Map<String, String> errors) {
    String t = text(input, name);
    if (t == null) {
      return null;
    }
    try {
      return Integer.valueOf(t.replace(",", ""));
    } catch (NumberFormatException e) {
      errors.put(name, "Enter a whole number");
      return null;
    }
  }

  private static BigDecimal decimal(Map<String, List<String>> input, String name, Map<String, String> errors) {
    String t = text(input, name);
    if (t == null) {
      return null;
    }
    try {
      return new BigDecimal(t.replace(",", ""));
    } catch (NumberFormatException e) {
      errors.put(name, "Enter a number");
      return null;
    }
  }

  private static LocalDate date(Map<String, List<String>> input, String name, Map<String, String> errors) {
    String d = text(input, name + "-day");
    String m = text(input, name + "-month");
    String y = text(input, name + "-year");
    if (d == null && m == null && y == null) {
      return null;
    }
    try {
      if (d == null || m == null || y == null || y.length() != 4) {
        throw new NumberFormatException("incomplete date");
      }
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    } catch (NumberFormatException | DateTimeException e) {
      errors.put(name, "Enter a real date");
      return null;
    }
  }

  @Override
  public Set<String> invalidQuestions(Object result) {
    Outcome o = (Outcome) result;
    Set<String> out = new TreeSet<>(o.bindingErrors().keySet());
    for (ConstraintViolation<HousingApplication> v : o.violations()) {
      String property = v.getPropertyPath().iterator().next().getName();
      out.add(snake(property));
    }
    return out;
  }

  private static String snake(String camel) {
    StringBuilder b = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        b.append('_').append(Character.toLowerCase(c));
      } else if (Character.isDigit(c)) {
        b.append(c);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
