package io.civickit.forms.validation;

import static io.civickit.forms.validation.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.civickit.core.FieldError;
import io.civickit.core.Value;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Valid and edge inputs of every type: the typed, normalised value and what is shown back. */
class ValidationTest {

  static ValidationResult.Valid valid(Question q, Map<String, List<String>> in) {
    ValidationResult r = Validation.validate(q, in, EN, TODAY);
    assertThat(r).as("%s with %s", q.id(), in).isInstanceOf(ValidationResult.Valid.class);
    return (ValidationResult.Valid) r;
  }

  static Value value(Question q, Map<String, List<String>> in) {
    return valid(q, in).value().orElseThrow();
  }

  static ValidationResult.Invalid invalid(Question q, Map<String, List<String>> in) {
    ValidationResult r = Validation.validate(q, in, EN, TODAY);
    assertThat(r).as("%s with %s", q.id(), in).isInstanceOf(ValidationResult.Invalid.class);
    return (ValidationResult.Invalid) r;
  }

  static Stream<Arguments> accepted() {
    Map<String, Value> ext = new java.util.LinkedHashMap<>();
    ext.put("number", Value.text("+442079460000"));
    ext.put("extension", Value.text("123"));
    return Stream.of(
        arguments(NAME, in("name", "  Sam\u00A0Smith\u200B "), Value.text("Sam Smith"), "Sam Smith"),
        arguments(MORE, in("more", "1234\r\n5678"), Value.text("1234\n5678"), "1234\n5678"),
        arguments(BINS, in("bins", " 2 "), Value.number(2), "2"),
        arguments(BINS, in("bins", "2.0"), Value.number(2), "2.0"),
        arguments(WEIGHT, in("weight", "1,234.50"), Value.number(new BigDecimal("1234.5")), "1,234.50"),
        arguments(AMOUNT, in("amount", "£ 12.5"), Value.number(new BigDecimal("12.50")), "£12.50"),
        arguments(AMOUNT, in("amount", "1,000"), Value.number(new BigDecimal("1000.00")), "£1,000"),
        arguments(DOB, date("dob", " 3 ", "jan", "1990"), Value.date(LocalDate.of(1990, 1, 3)), "3 January 1990"),
        arguments(DOB, date("dob", "3rd", "January", "1990"), Value.date(LocalDate.of(1990, 1, 3)), "3 January 1990"),
        arguments(DOB, date("dob", "03", "Sept.", "1990"), Value.date(LocalDate.of(1990, 9, 3)), "3 September 1990"),
        arguments(DOB, date("dob", "3", "Ionawr", "1990"), Value.date(LocalDate.of(1990, 1, 3)), "3 January 1990"),
        arguments(DOB, date("dob", "27", "11", "2026"), Value.date(LocalDate.of(2026, 11, 27)), "27 November 2026"),
        arguments(START, date("start", "1", "12", "2026"), Value.date(LocalDate.of(2026, 12, 1)), "1 December 2026"),
        arguments(START, date("start", "31", "3", "2027"), Value.date(LocalDate.of(2027, 3, 31)), "31 March 2027"),
        arguments(EVENT, date("event", "28", "11", "2026"), Value.date(TODAY), "28 November 2026"),
        arguments(MOVE, date("move", "28", "11", "2026"), Value.date(TODAY), "28 November 2026"),
        arguments(EMAIL, in("email", " name@example.com\u200B "), Value.text("name@example.com"), "name@example.com"),
        arguments(EMAIL, in("email", "firstname-o'surname@example.co.uk"),
            Value.text("firstname-o'surname@example.co.uk"), "firstname-o'surname@example.co.uk"),
        arguments(PHONE, in("phone", "01632 960 001"), Value.text("+441632960001"), "01632 960 001"),
        arguments(PHONE, in("phone", "07700 900 982"), Value.text("+447700900982"), "07700 900 982"),
        arguments(PHONE, in("phone", "0115 496 0123"), Value.text("+441154960123"), "0115 496 0123"),
        arguments(PHONE, in("phone", "+44 (0)20 7946 0000"), Value.text("+442079460000"), "+44 (0)20 7946 0000"),
        arguments(PHONE, in("phone", "0044 20 7946 0000"), Value.text("+442079460000"), "0044 20 7946 0000"),
        arguments(PHONE, in("phone", "+1 650-253-0000"), Value.text("+16502530000"), "+1 650-253-0000"),
        arguments(PHONE, in("phone", "020 7946 0000 ext 123"), Value.fields(ext), "020 7946 0000 ext 123"),
        arguments(PHONE, in("phone", "020 7946 0000 x123"), Value.fields(ext), "020 7946 0000 x123"),
        arguments(MOBILE, in("mobile", "07700 900 982"), Value.text("+447700900982"), "07700 900 982"),
        arguments(MOBILE, in("mobile", "\u200b\t\t+44 (0)7723 456 789\ufeff \r\n"), Value.text("+447723456789"),
            "+44 (0)7723 456 789"),
        arguments(MOBILE, in("mobile", "00447723456789"), Value.text("+447723456789"), "00447723456789"),
        arguments(MOBILE, in("mobile", "7723456789"), Value.text("+447723456789"), "7723456789"),
        arguments(MOBILE, in("mobile", "07723-456-789"), Value.text("+447723456789"), "07723-456-789"),
        arguments(MOBILE, in("mobile", "+33 6 12 34 56 78"), Value.text("+33612345678"), "+33 6 12 34 56 78"),
        arguments(MOBILE, in("mobile", "07624 123456"), Value.text("+447624123456"), "07624 123456"),
        arguments(POSTCODE, in("postcode", " sw1a1aa\u200B"), Value.text("SW1A 1AA"), "SW1A 1AA"),
        arguments(POSTCODE, in("postcode", "cf10-1aa"), Value.text("CF10 1AA"), "CF10 1AA"),
        arguments(POSTCODE, in("postcode", "M1  1AE."), Value.text("M1 1AE"), "M1 1AE"),
        arguments(POSTCODE, in("postcode", "gir0aa"), Value.text("GIR 0AA"), "GIR 0AA"),
        arguments(NINO, in("nino", "ab 12 34 56 c"), Value.text("AB123456C"), "AB 12 34 56 C"),
        arguments(NINO, in("nino", "AB-123456-C"), Value.text("AB123456C"), "AB 12 34 56 C"),
        arguments(BIN, in("bin", "food"), Value.text("food"), "Food waste"),
        arguments(WARD, in("ward", "south"), Value.text("south"), "South"),
        arguments(LIVES, in("lives", "yes"), Value.bool(true), "Yes"),
        arguments(LIVES, in("lives", "no"), Value.bool(false), "No"),
        arguments(WASTE, in("waste", "paper", "waste", "glass", "waste", "paper", "waste", ""),
            Value.texts(List.of("glass", "paper")), "Glass\nPaper"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("accepted")
  void validInputGivesNormalisedValueAndDisplay(Question q, Map<String, List<String>> in, Value expected, String display) {
    ValidationResult.Valid v = valid(q, in);
    assertThat(v.value()).contains(expected);
    assertThat(v.display()).isEqualTo(display);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a..b@example.com", "name@example..com", "name@-example.com", "name@example.c",
      "na me@example.com", "name@example.com.", "@example.com", "name@@example.com", "name@exa_mple.com",
      "\"quoted\"@example.com", "name@localhost", "name@.example.com", "name@example.123",
      "name@xn--.com", "name;x@example.com"})
  void emailRejectedByNotifyRules(String email) {
    assertThat(invalid(EMAIL, in("email", email)).error().message()).startsWith("Enter an email address in the correct");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@example.com", "a.b+c@sub.example.co.uk", "name@例え.テスト", "name@xn--bcher-kva.example",
      "!#$%&'*+/=?^_`{|}~-@example.org", "x@a-b--c.com"})
  void emailAcceptedByNotifyRules(String email) {
    assertThat(value(EMAIL, in("email", email))).isEqualTo(Value.text(email));
  }

  @Test
  void emailLongerThan320CharactersIsRejected() {
    String local = "a".repeat(64);
    String host = ("b".repeat(60) + ".").repeat(5) + "com";
    assertThat(Validation.validate(EMAIL, in("email", local + "@" + host), EN, TODAY))
        .isInstanceOf(ValidationResult.Invalid.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0123", "020 7946 00000000000", "0800 FLOWERS", "+999 1234 5678", "ext 123", "07700 900 98"})
  void contactNumberRejected(String phone) {
    assertThat(invalid(PHONE, in("phone", phone)).error().message()).startsWith("Enter a telephone number, like");
  }

  @ParameterizedTest
  @ValueSource(strings = {"020 7946 0999", "0113 496 0000", "0121 496 0500", "0131 496 0000", "0141 496 0000",
      "0151 496 0000", "0161 496 0999", "0191 498 0000", "028 9649 6000", "029 2018 0000", "01632 960 999",
      "08081 570 000", "0909 879 0000", "03069 990 000", "07700 900 000", "07700 900 999"})
  void everyOfcomDramaRangeIsAContactNumber(String phone) {
    assertThat(valid(PHONE, in("phone", phone)).value()).isPresent();
  }

  @Test
  void dateHighlightsEveryMissingOrImpossiblePartButLinksToTheFirst() {
    assertThat(invalid(DOB, date("dob", "", "", "1990")).errors()).extracting(FieldError::field)
        .containsExactly("dob-day", "dob-month");
    assertThat(invalid(DOB, in()).errors()).extracting(FieldError::field)
        .containsExactly("dob-day", "dob-month", "dob-year");
    assertThat(invalid(DOB, date("dob", "40", "1", "19x0")).errors()).extracting(FieldError::field)
        .containsExactly("dob-day", "dob-year");
    assertThat(invalid(DOB, date("dob", "1", "1", "2030")).errors()).hasSize(3);
    assertThat(invalid(DOB, date("dob", "1", "1", "0999")).error().message()).isEqualTo("Date of birth must be a real date");
    assertThat(invalid(DOB, date("dob", "1", "1", "19900")).error().message()).isEqualTo("Year must include 4 numbers");
  }

  @Test
  void addressGivesOneErrorPerBadLineInPageOrder() {
    ValidationResult.Invalid r = invalid(ADDRESS, in("address-line2", "Flat 2", "address-postcode", "nope"));
    assertThat(r.errors()).extracting(FieldError::field)
        .containsExactly("address-line1", "address-town", "address-postcode");
    assertThat(r.errors()).extracting(FieldError::message).containsExactly(
        "Enter address line 1, typically the building and street", "Enter town or city", "Enter a full UK postcode");
    String tooLong = "x".repeat(501);
    assertThat(invalid(ADDRESS, in("address-line1", tooLong, "address-line2", tooLong, "address-town", "Cardiff",
        "address-postcode", "CF10 1AA")).errors()).extracting(FieldError::message).containsExactly(
        "Address line 1 must be 500 characters or less", "Address line 2 must be 500 characters or less");
  }

  @Test
  void addressIsTypedWithNormalisedPostcodeAndShownOneLinePerPart() {
    ValidationResult.Valid v = valid(ADDRESS, in("address-line1", " 1 High Street ", "address-line2", "",
        "address-town", "Cardiff", "address-postcode", "cf101aa", "address-uprn", "10023456789"));
    Map<String, Value> f = ((Value.Fields) v.value().orElseThrow()).values();
    assertThat(f).containsExactly(Map.entry("line1", Value.text("1 High Street")), Map.entry("town", Value.text("Cardiff")),
        Map.entry("postcode", Value.text("CF10 1AA")), Map.entry("uprn", Value.text("10023456789")));
    assertThat(v.display()).isEqualTo("1 High Street\nCardiff\nCF10 1AA");
  }

  @ParameterizedTest
  @ValueSource(strings = {"DA123456A", "FA123456A", "IA123456A", "QA123456A", "UA123456A", "VA123456A",
      "AD123456A", "AF123456A", "AI123456A", "AO123456A", "AQ123456A", "AU123456A", "AV123456A",
      "BG123456A", "GB123456A", "KN123456A", "NK123456A", "NT123456A", "TN123456A", "ZZ123456A",
      "AB123456E", "AB12345C", "AB1234567C", "AB123456", "A1234567C"})
  void nationalInsuranceNumberPrefixAndSuffixRules(String nino) {
    assertThat(invalid(NINO, in("nino", nino)).error().message())
        .isEqualTo("Enter a National Insurance number in the correct format");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SW1A 1CA", "QA1 1AA", "VA1 1AA", "XA1 1AA", "AI1 1AA", "12345", "SW1A 1AAA", "S", "SW1A1A"})
  void postcodeFormatRules(String postcode) {
    assertThat(invalid(POSTCODE, in("postcode", postcode)).error().message()).isEqualTo("Enter a full UK postcode");
  }

  @Test
  void optionalQuestionsLeftBlankAreValidAndEmpty() {
    for (Question q : all()) {
      Question optional = new Question(q.id(), q.type(), q.label(), q.hint(), q.errorNoun(), false, q.showIf(),
          q.maxLength(), q.min(), q.max(), q.options(), q.dateRule(), q.maxFileBytes(), q.fileTypes(), q.items(),
          0, q.maxItems());
      ValidationResult r = Validation.validate(optional, in(), EN, TODAY);
      assertThat(r).as(q.type().name()).isEqualTo(new ValidationResult.Valid(Optional.empty(), ""));
    }
  }

  @Test
  void fileMetadataIsTyped() {
    Value v = value(PHOTO, file("Bin photo.JPG", "2097152", "IMAGE/JPEG"));
    assertThat(((Value.Fields) v).values()).containsExactly(Map.entry("name", Value.text("Bin photo.JPG")),
        Map.entry("size", Value.number(2097152)), Map.entry("type", Value.text("image/jpeg")));
    Question anyPdf = q("doc", QuestionType.FILE, "a document", "dogfen").fileType(".pdf").fileType("image/*").build();
    assertThat(Validation.validate(anyPdf, in("doc-name", "a.PDF", "doc-size", "9", "doc-type", "x/y"), EN, TODAY))
        .isInstanceOf(ValidationResult.Valid.class);
    assertThat(Validation.validate(anyPdf, in("doc-name", "a.png", "doc-size", "9", "doc-type", "image/png"), EN, TODAY))
        .isInstanceOf(ValidationResult.Valid.class);
    assertThat(invalid(anyPdf, in("doc-name", "a.doc", "doc-size", "9", "doc-type", "application/msword"))
        .error().message()).isEqualTo("The selected file must be a PDF or image");
  }

  @Test
  void repeatingGroupSkipsBlankItemsAndValidatesEachItemsQuestions() {
    Map<String, List<String>> in = in("children-items", "3",
        "children[0].name", "Sam", "children[0].dob-day", "1", "children[0].dob-month", "2", "children[0].dob-year", "2020",
        "children[1].name", " ", "children[2].name", "Alex", "children[2].dob-day", "5", "children[2].dob-month", "jun",
        "children[2].dob-year", "2021");
    ValidationResult.Valid v = valid(CHILDREN, in);
    Value.Items items = (Value.Items) v.value().orElseThrow();
    assertThat(items.values()).hasSize(2);
    assertThat(((Value.Fields) items.values().get(1)).values())
        .containsEntry("name", Value.text("Alex")).containsEntry("dob", Value.date(LocalDate.of(2021, 6, 5)));
    assertThat(v.display()).isEqualTo("Sam, 1 February 2020\nAlex, 5 June 2021");

    ValidationResult.Invalid bad = invalid(CHILDREN, in("children[0].name", "x".repeat(501),
        "children[1].dob-day", "1", "children[1].dob-month", "1", "children[1].dob-year", "2030"));
    assertThat(bad.errors()).extracting(FieldError::field).containsExactly("children[0].name",
        "children[0].dob-day", "children[0].dob-month", "children[0].dob-year",
        "children[1].name", "children[1].dob-day", "children[1].dob-month", "children[1].dob-year");
    assertThat(bad.errors()).extracting(FieldError::message).contains("The child’s name must be 500 characters or less",
        "Enter the child’s date of birth", "Enter the child’s name", "The child’s date of birth must be in the past");
  }

  @Test
  void repeatingGroupIgnoresIndexesBeyondTheLimit() {
    ValidationResult r = Validation.validate(CHILDREN, in("children[99999].name", "x", "children[abc].name", "y",
        "children-items", "99999999"), EN, TODAY);
    assertThat(r).isInstanceOf(ValidationResult.Invalid.class);
    assertThat(((ValidationResult.Invalid) r).error().message()).isEqualTo("Add your children");
  }

  @Test
  void messagesNeverEchoWhatWasTyped() {
    String typed = "<script>alert('typed')</script>";
    for (Question q : all()) {
      Map<String, List<String>> in = in(q.id(), typed, q.id() + "-day", typed, q.id() + "-month", typed,
          q.id() + "-year", typed, q.id() + "-line1", typed, q.id() + "-town", typed, q.id() + "-postcode", typed,
          q.id() + "-name", typed, q.id() + "-size", typed, q.id() + "[0].name", typed);
      for (java.util.Locale l : List.of(EN, CY)) {
        ValidationResult r = Validation.validate(q, in, l, TODAY);
        if (r instanceof ValidationResult.Invalid inv) {
          inv.errors().forEach(e -> assertThat(e.message()).doesNotContain("script", "typed"));
        }
      }
    }
  }

  @Test
  void notProvidedInBothLanguages() {
    assertThat(Validation.notProvided(CY)).isEqualTo("Heb ei ddarparu");
    assertThat(Validation.notProvided(EN)).isEqualTo("Not provided");
  }

  @Test
  void invalidResultKeepsItsFirstErrorForOlderCallers() {
    ValidationResult.Invalid r = new ValidationResult.Invalid(new FieldError("a", "Enter a"));
    assertThat(r.error()).isEqualTo(new FieldError("a", "Enter a"));
    assertThat(r.errors()).hasSize(1);
  }
}
