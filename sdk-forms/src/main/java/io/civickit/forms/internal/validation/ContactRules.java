package io.civickit.forms.internal.validation;

import io.civickit.core.FieldError;
import io.civickit.core.Value;
import io.civickit.forms.Question;
import io.civickit.forms.address.Countries;
import io.civickit.forms.internal.fields.FieldNames;
import io.civickit.forms.validation.ValidationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Contact details and identifiers: email addresses, phone numbers, postcodes, names in two boxes,
 * UK and international addresses, and National Insurance numbers. A question in several boxes
 * gives each box in error its own message.
 */
final class ContactRules {
  /** The longest postal code accepted abroad; the longest in use are 10 characters with their spaces. */
  static final int POSTAL_CODE_MAX = 20;
  /** The free-text parts of an international address, with the key of their too-long message. */
  private static final String[][] INTERNATIONAL_PARTS = {
      {"line1", "address.line1.too.long"}, {"line2", "address.line2.too.long"}, {"line3", "address.line3.too.long"},
      {"town", "address.town.too.long"}, {"region", "address.region.too.long"}, {"postcode", "address.postal.too.long"}};

  private ContactRules() {}

  static ValidationResult email(RuleContext c, Question q, String base) {
    String v = c.line(base);
    if (v.isEmpty()) {
      return c.missing(q, base, "required");
    }
    if (!Emails.valid(v)) {
      return c.error(q, base, "email.invalid");
    }
    return RuleContext.ok(Value.text(v), v);
  }

  /**
   * A telephone number, kept in E.164, with its extension apart when it has one.
   *
   * @param reader {@link Phones#contact} for any UK or international number, {@link Phones#mobile}
   *     for a UK mobile (which never has an extension)
   */
  static ValidationResult phone(RuleContext c, Question q, String base, Function<String, Phones.Result> reader) {
    String typed = c.line(base);
    if (typed.isEmpty()) {
      return c.missing(q, base, "required");
    }
    Phones.Result r = reader.apply(typed);
    if (r instanceof Phones.Problem p) {
      return c.error(q, base, p.key());
    }
    Phones.Number n = (Phones.Number) r;
    if (n.extension() != null) {
      Map<String, Value> f = new LinkedHashMap<>();
      f.put("number", Value.text(n.e164()));
      f.put("extension", Value.text(n.extension()));
      return RuleContext.ok(Value.fields(f), typed);
    }
    return RuleContext.ok(Value.text(n.e164()), typed);
  }

  static ValidationResult postcode(RuleContext c, Question q, String base) {
    String v = c.line(base);
    if (v.isEmpty()) {
      return c.missing(q, base, "required");
    }
    Optional<String> p = Codes.postcode(v);
    return p.isPresent() ? RuleContext.ok(Value.text(p.get()), p.get()) : c.error(q, base, "postcode.invalid");
  }

  static ValidationResult nationalInsuranceNumber(RuleContext c, Question q, String base) {
    String v = c.line(base);
    if (v.isEmpty()) {
      return c.missing(q, base, "required");
    }
    Optional<String> n = Codes.nationalInsuranceNumber(v);
    return n.isPresent() ? RuleContext.ok(Value.text(n.get()), Codes.spaced(n.get()))
        : c.error(q, base, "nino.invalid");
  }

  /** A name in two boxes: each box's own message, as the names pattern words them. */
  static ValidationResult firstAndLast(RuleContext c, Question q, String base) {
    String firstField = FieldNames.part(base, "first");
    String lastField = FieldNames.part(base, "last");
    String first = c.line(firstField);
    String last = c.line(lastField);
    if (first.isEmpty() && last.isEmpty()) {
      return q.required() ? new ValidationResult.Invalid(List.of(
          c.fieldError(q, firstField, "name.first.required"), c.fieldError(q, lastField, "name.last.required")))
          : RuleContext.none();
    }
    List<FieldError> errors = new ArrayList<>();
    c.checkPart(errors, q, firstField, first, "name.first.required", "name.first.too.long", q.maxLength());
    c.checkPart(errors, q, lastField, last, "name.last.required", "name.last.too.long", q.maxLength());
    if (!errors.isEmpty()) {
      return new ValidationResult.Invalid(errors);
    }
    Map<String, Value> f = new LinkedHashMap<>();
    f.put("first", Value.text(first));
    f.put("last", Value.text(last));
    return RuleContext.ok(Value.fields(f), first + " " + last);
  }

  /**
   * A UK address: line 1, the town and a real postcode are needed, line 2 is optional, each line
   * at most the question's {@code maxLength}; a UPRN sent by the address finder is kept when it is
   * one to twelve digits.
   */
  static ValidationResult address(RuleContext c, Question q, String base) {
    String l1 = c.line(FieldNames.part(base, "line1"));
    String l2 = c.line(FieldNames.part(base, "line2"));
    String town = c.line(FieldNames.part(base, "town"));
    String pc = c.line(FieldNames.part(base, "postcode"));
    if (l1.isEmpty() && l2.isEmpty() && town.isEmpty() && pc.isEmpty()) {
      return c.missing(q, FieldNames.part(base, "line1"), "required");
    }
    int max = q.maxLength();
    List<FieldError> errors = new ArrayList<>();
    c.checkPart(errors, q, FieldNames.part(base, "line1"), l1, "address.line1.required", "address.line1.too.long",
        max);
    c.checkPart(errors, q, FieldNames.part(base, "line2"), l2, null, "address.line2.too.long", max);
    c.checkPart(errors, q, FieldNames.part(base, "town"), town, "address.town.required", "address.town.too.long", max);
    Optional<String> p = Optional.empty();
    if (pc.isEmpty()) {
      errors.add(c.fieldError(q, FieldNames.part(base, "postcode"), "address.postcode.required"));
    } else {
      p = Codes.postcode(pc);
      if (p.isEmpty()) {
        errors.add(c.fieldError(q, FieldNames.part(base, "postcode"), "postcode.invalid"));
      }
    }
    if (!errors.isEmpty()) {
      return new ValidationResult.Invalid(errors);
    }
    Map<String, Value> f = new LinkedHashMap<>();
    f.put("line1", Value.text(l1));
    if (!l2.isEmpty()) {
      f.put("line2", Value.text(l2));
    }
    f.put("town", Value.text(town));
    f.put("postcode", Value.text(p.get()));
    String uprn = c.line(FieldNames.part(base, "uprn"));
    if (!uprn.isEmpty() && uprn.length() <= 12 && Input.digits(uprn)) {
      f.put("uprn", Value.text(uprn));
    }
    return c.shown(q, Value.fields(f));
  }

  /**
   * An address outside the UK: line 1 and the country are needed, the other lines, the town, the
   * region and the postal code are optional (many countries have no postal code or region), each
   * part at most the question's {@code maxLength} characters (a postal code at most
   * {@value #POSTAL_CODE_MAX}); the country must be one of {@link Countries}.
   */
  static ValidationResult internationalAddress(RuleContext c, Question q, String base) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (String[] p : INTERNATIONAL_PARTS) {
      typed.put(p[0], c.line(FieldNames.part(base, p[0])));
    }
    String countryField = FieldNames.part(base, "country");
    String country = c.line(countryField);
    if (country.isEmpty() && typed.values().stream().allMatch(String::isEmpty)) {
      return c.missing(q, FieldNames.part(base, "line1"), "required");
    }
    List<FieldError> errors = new ArrayList<>();
    for (String[] p : INTERNATIONAL_PARTS) {
      int max = p[0].equals("postcode") ? Math.min(POSTAL_CODE_MAX, q.maxLength()) : q.maxLength();
      c.checkPart(errors, q, FieldNames.part(base, p[0]), typed.get(p[0]),
          p[0].equals("line1") ? "international.line1.required" : null, p[1], max);
    }
    if (country.isEmpty()) {
      errors.add(c.fieldError(q, countryField, "international.country.required"));
    } else if (Countries.find(country).isEmpty()) {
      errors.add(c.fieldError(q, countryField, "international.country.invalid"));
    }
    if (!errors.isEmpty()) {
      return new ValidationResult.Invalid(errors);
    }
    Map<String, Value> f = new LinkedHashMap<>();
    typed.forEach((part, value) -> {
      if (!value.isEmpty()) {
        f.put(part, Value.text(value));
      }
    });
    f.put("country", Value.text(country));
    return c.shown(q, Value.fields(f));
  }
}
