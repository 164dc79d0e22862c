package io.civickit.benchmarks.validation;

import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 25-question form every validator in the comparison checks: a council housing application
 * with text, numbers, dates, email, phone, postcode and choices. The CivicKit questions are
 * defined here; the other validators express the same rules in their own way (a JSON Schema,
 * an annotated bean, hand-written code) and {@code CompetitorsAgreeTest} checks that they agree.
 */
public final class HousingForm {
  private HousingForm() {}

  /** The council areas offered in the select question. */
  public static final List<String> AREAS = List.of("north", "south", "east", "west", "central", "riverside", "hillside",
      "old_town", "new_town", "rural");

  /** The answers offered for tenure. */
  public static final List<String> TENURES = List.of("own", "rent_council", "rent_private", "other");

  /** The support needs offered as checkboxes. */
  public static final List<String> SUPPORT = List.of("mobility", "sight", "hearing", "learning", "mental_health");

  /** The ways to be contacted. */
  public static final List<String> CONTACT = List.of("email", "phone", "post");

  /** The 25 questions, in page order. */
  public static final List<Question> QUESTIONS = questions("");

  /**
   * The 25 questions with a suffix on every id, so that many copies can be validated together
   * (the growth benchmark).
   */
  public static List<Question> questions(String suffix) {
    List<Question> q = new ArrayList<>();
    q.add(text("full_name" + suffix, "full name", 100, true));
    q.add(text("preferred_name" + suffix, "preferred name", 50, false));
    q.add(date("date_of_birth" + suffix, "date of birth"));
    q.add(Question.builder("email" + suffix, QuestionType.EMAIL).label("Email address", "Cyfeiriad e-bost")
        .errorNoun("email address", "cyfeiriad e-bost").build());
    q.add(Question.builder("phone" + suffix, QuestionType.PHONE).label("Telephone number", "Rhif ffôn")
        .errorNoun("telephone number", "rhif ffôn").build());
    q.add(text("address_line1" + suffix, "building and street", 100, true));
    q.add(text("address_line2" + suffix, "second address line", 100, false));
    q.add(text("town" + suffix, "town or city", 60, true));
    q.add(Question.builder("postcode" + suffix, QuestionType.POSTCODE).label("Postcode", "Cod post")
        .errorNoun("postcode", "cod post").build());
    q.add(number("household_size" + suffix, QuestionType.WHOLE_NUMBER, "household size", 1, 20));
    q.add(number("bedrooms" + suffix, QuestionType.WHOLE_NUMBER, "number of bedrooms", 0, 10));
    q.add(number("weekly_rent" + suffix, QuestionType.DECIMAL, "weekly rent", 0, 5000));
    q.add(date("move_in_date" + suffix, "move-in date"));
    q.add(choice("tenure" + suffix, QuestionType.RADIOS, "tenure", TENURES, true));
    q.add(choice("council_area" + suffix, QuestionType.SELECT, "council area", AREAS, true));
    q.add(yesNo("has_children" + suffix, "answer about children"));
    q.add(yesNo("receives_benefits" + suffix, "answer about benefits"));
    q.add(yesNo("needs_adaptations" + suffix, "answer about adaptations"));
    q.add(choice("support_needs" + suffix, QuestionType.CHECKBOXES, "support needs", SUPPORT, false));
    q.add(choice("contact_preference" + suffix, QuestionType.RADIOS, "contact preference", CONTACT, true));
    q.add(text("employer_name" + suffix, "employer name", 100, false));
    q.add(number("monthly_income" + suffix, QuestionType.DECIMAL, "monthly income", 0, 100_000));
    q.add(date("tenancy_start" + suffix, "tenancy start date"));
    q.add(Question.builder("alt_email" + suffix, QuestionType.EMAIL).label("Other email address", "E-bost arall")
        .errorNoun("other email address", "e-bost arall").optional().build());
    q.add(Question.builder("reason" + suffix, QuestionType.TEXTAREA).label("Why do you need to move?", "Pam?")
        .errorNoun("reason for moving", "rheswm dros symud").maxLength(1000).build());
    return List.copyOf(q);
  }

  private static Question text(String id, String noun, int max, boolean required) {
    return Question.builder(id, QuestionType.TEXT).label(noun, noun).errorNoun(noun, noun).maxLength(max)
        .required(required).build();
  }

  private static Question date(String id, String noun) {
    return Question.builder(id, QuestionType.DATE).label(noun, noun).errorNoun(noun, noun).build();
  }

  private static Question number(String id, QuestionType type, String noun, long min, long max) {
    return Question.builder(id, type).label(noun, noun).errorNoun(noun, noun).min(BigDecimal.valueOf(min))
        .max(BigDecimal.valueOf(max)).build();
  }

  private static Question yesNo(String id, String noun) {
    return Question.builder(id, QuestionType.YES_NO).label(noun, noun).errorNoun(noun, noun).build();
  }

  private static Question choice(String id, QuestionType type, String noun, List<String> options, boolean required) {
    Question.Builder b = Question.builder(id, type).label(noun, noun).errorNoun(noun, noun).required(required);
    options.forEach(o -> b.option(o, o.replace('_', ' '), o.replace('_', ' ')));
    return b.build();
  }

  /** A valid submission, as a browser posts it (every value a string; checkboxes repeat). */
  public static Map<String, List<String>> valid() {
    return valid("");
  }

  /** A valid submission for {@link #questions(String)} with the same suffix. */
  public static Map<String, List<String>> valid(String s) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("full_name" + s, List.of("Ann Example-Smith"));
    m.put("preferred_name" + s, List.of("Annie"));
    m.put("date_of_birth" + s + "-day", List.of("7"));
    m.put("date_of_birth" + s + "-month", List.of("3"));
    m.put("date_of_birth" + s + "-year", List.of("1984"));
    m.put("email" + s, List.of("ann.example@example.org"));
    m.put("phone" + s, List.of("020 7946 0123"));
    m.put("address_line1" + s, List.of("1 High Street"));
    m.put("address_line2" + s, List.of(""));
    m.put("town" + s, List.of("Anytown"));
    m.put("postcode" + s, List.of("sw1a 1aa"));
    m.put("household_size" + s, List.of("4"));
    m.put("bedrooms" + s, List.of("3"));
    m.put("weekly_rent" + s, List.of("175.50"));
    m.put("move_in_date" + s + "-day", List.of("1"));
    m.put("move_in_date" + s + "-month", List.of("9"));
    m.put("move_in_date" + s + "-year", List.of("2019"));
    m.put("tenure" + s, List.of("rent_council"));
    m.put("council_area" + s, List.of("riverside"));
    m.put("has_children" + s, List.of("yes"));
    m.put("receives_benefits" + s, List.of("no"));
    m.put("needs_adaptations" + s, List.of("no"));
    m.put("support_needs" + s, List.of("mobility", "hearing"));
    m.put("contact_preference" + s, List.of("email"));
    m.put("employer_name" + s, List.of("Anytown Hospital"));
    m.put("monthly_income" + s, List.of("1,850"));
    m.put("tenancy_start" + s + "-day", List.of("15"));
    m.put("tenancy_start" + s + "-month", List.of("10"));
    m.put("tenancy_start" + s + "-year", List.of("2019"));
    m.put("alt_email" + s, List.of(""));
    m.put("reason" + s, List.of("Our family has grown and we now share a two bedroom flat between four of us. "
        + "My son has asthma and the flat is damp. We would like a three bedroom home near his school."));
    return m;
  }

  /** A submission with seven mistakes a person makes, each in a different question. */
  public static Map<String, List<String>> invalid() {
    Map<String, List<String>> m = valid();
    m.put("full_name", List.of("  "));
    m.put("email", List.of("ann@@example"));
    m.put("phone", List.of("12345"));
    m.put("postcode", List.of("XYZ"));
    m.put("household_size", List.of("0"));
    m.put("date_of_birth-day", List.of("31"));
    m.put("date_of_birth-month", List.of("2"));
    m.put("tenure", List.of("castle"));
    return m;
  }

  /** The question ids {@link #invalid()} gets wrong. */
  public static final List<String> INVALID_FIELDS = List.of("full_name", "date_of_birth", "email", "phone", "postcode",
      "household_size", "tenure");

  /** One mistake at a time: each entry changes one input of the valid submission, by name. */
  public record Fault(String question, String input, List<String> values) {
    /** The valid submission with this fault applied. */
    public Map<String, List<String>> apply() {
      Map<String, List<String>> m = valid();
      m.put(input, values);
      return m;
    }
  }

  /** Single faults covering every rule of the form: missing, too long, format, range, choice. */
  public static List<Fault> faults() {
    List<Fault> f = new ArrayList<>();
    f.add(new Fault("full_name", "full_name", List.of("")));
    f.add(new Fault("full_name", "full_name", List.of("x".repeat(101))));
    f.add(new Fault("preferred_name", "preferred_name", List.of("y".repeat(51))));
    f.add(new Fault("date_of_birth", "date_of_birth-day", List.of("")));
    f.add(new Fault("date_of_birth", "date_of_birth-day", List.of("32")));
    f.add(new Fault("date_of_birth", "date_of_birth-month", List.of("13")));
    f.add(new Fault("date_of_birth", "date_of_birth-year", List.of("84")));
    f.add(new Fault("date_of_birth", "date_of_birth-day", List.of("x")));
    f.add(new Fault("email", "email", List.of("")));
    f.add(new Fault("email", "email", List.of("ann.example.org")));
    f.add(new Fault("email", "email", List.of("ann@example")));
    f.add(new Fault("email", "email", List.of("ann@exa mple@org.uk")));
    f.add(new Fault("phone", "phone", List.of("")));
    f.add(new Fault("phone", "phone", List.of("0207 946 01")));
    f.add(new Fault("phone", "phone", List.of("telephone me")));
    f.add(new Fault("address_line1", "address_line1", List.of(" ")));
    f.add(new Fault("address_line2", "address_line2", List.of("z".repeat(101))));
    f.add(new Fault("town", "town", List.of("")));
    f.add(new Fault("postcode", "postcode", List.of("")));
    f.add(new Fault("postcode", "postcode", List.of("SW1A")));
    f.add(new Fault("postcode", "postcode", List.of("12345")));
    f.add(new Fault("household_size", "household_size", List.of("")));
    f.add(new Fault("household_size", "household_size", List.of("21")));
    f.add(new Fault("household_size", "household_size", List.of("2.5")));
    f.add(new Fault("household_size", "household_size", List.of("four")));
    f.add(new Fault("bedrooms", "bedrooms", List.of("-1")));
    f.add(new Fault("weekly_rent", "weekly_rent", List.of("5000.01")));
    f.add(new Fault("weekly_rent", "weekly_rent", List.of("12.3.4")));
    f.add(new Fault("move_in_date", "move_in_date-month", List.of("")));
    f.add(new Fault("move_in_date", "move_in_date-day", List.of("31")));
    f.add(new Fault("tenure", "tenure", List.of("")));
    f.add(new Fault("tenure", "tenure", List.of("castle")));
    f.add(new Fault("council_area", "council_area", List.of("atlantis")));
    f.add(new Fault("has_children", "has_children", List.of("")));
    f.add(new Fault("has_children", "has_children", List.of("maybe")));
    f.add(new Fault("receives_benefits", "receives_benefits", List.of("nope")));
    f.add(new Fault("needs_adaptations", "needs_adaptations", List.of()));
    f.add(new Fault("support_needs", "support_needs", List.of("mobility", "flying")));
    f.add(new Fault("contact_preference", "contact_preference", List.of("pigeon")));
    f.add(new Fault("employer_name", "employer_name", List.of("e".repeat(101))));
    f.add(new Fault("monthly_income", "monthly_income", List.of("100001")));
    f.add(new Fault("monthly_income", "monthly_income", List.of("lots")));
    f.add(new Fault("tenancy_start", "tenancy_start-year", List.of("")));
    f.add(new Fault("tenancy_start", "tenancy_start-month", List.of("0")));
    f.add(new Fault("alt_email", "alt_email", List.of("not an email")));
    f.add(new Fault("reason", "reason", List.of("")));
    f.add(new Fault("reason", "reason", List.of("r".repeat(1001))));
    return f;
  }
}
