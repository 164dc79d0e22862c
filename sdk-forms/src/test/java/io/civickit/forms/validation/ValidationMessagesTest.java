package io.civickit.forms.validation;

import static io.civickit.forms.validation.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.civickit.core.FieldError;
import io.civickit.forms.Question;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every question type's error messages, exactly, in English and Welsh, and the field each links to. */
class ValidationMessagesTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        // text
        arguments(NAME, in(), "name", "Enter your full name", "Rhowch eich enw llawn"),
        arguments(NAME, in("name", " \u200B "), "name", "Enter your full name", "Rhowch eich enw llawn"),
        arguments(NAME, in("name", "x".repeat(21)), "name", "Full name must be 20 characters or less",
            "Rhaid i’ch enw llawn fod yn 20 nod neu lai"),
        // textarea: a bare Welsh noun is mutated after "Rhowch" and after "i"
        arguments(MORE, in("more", ""), "more", "Enter details of the problem", "Rhowch fanylion y broblem"),
        arguments(MORE, in("more", "12345\r\n67890"), "more", "Details of the problem must be 10 characters or less",
            "Rhaid i fanylion y broblem fod yn 10 nod neu lai"),
        // whole number
        arguments(BINS, in(), "bins", "Enter the number of bins", "Rhowch nifer y biniau"),
        arguments(BINS, in("bins", "two"), "bins", "The number of bins must be a number, like 30",
            "Rhaid i nifer y biniau fod yn rhif, fel 30"),
        arguments(BINS, in("bins", "1.5"), "bins", "The number of bins must be a whole number, like 30",
            "Rhaid i nifer y biniau fod yn rhif cyfan, fel 30"),
        arguments(BINS, in("bins", "4"), "bins", "The number of bins must be between 1 and 3",
            "Rhaid i nifer y biniau fod rhwng 1 a 3"),
        arguments(BINS, in("bins", "0"), "bins", "The number of bins must be between 1 and 3",
            "Rhaid i nifer y biniau fod rhwng 1 a 3"),
        // decimal
        arguments(WEIGHT, in("weight", "0.25"), "weight", "The weight must be 0.5 or more", "Rhaid i’r pwysau fod yn 0.5 neu fwy"),
        arguments(WEIGHT, in("weight", "1.2.3"), "weight", "The weight must be a number, like 30 or 2.5",
            "Rhaid i’r pwysau fod yn rhif, fel 30 neu 2.5"),
        // money
        arguments(AMOUNT, in(), "amount", "Enter the amount", "Rhowch y swm"),
        arguments(AMOUNT, in("amount", "ten pounds"), "amount", "The amount must be an amount of money, like 12.50",
            "Rhaid i’r swm fod yn swm o arian, fel 12.50"),
        arguments(AMOUNT, in("amount", "£12.345"), "amount", "The amount must not have more than 2 decimal places",
            "Rhaid i’r swm fod â 2 le degol neu lai"),
        arguments(AMOUNT, in("amount", "£1,000.01"), "amount", "The amount must be £1,000 or less",
            "Rhaid i’r swm fod yn £1,000 neu lai"),
        arguments(AMOUNT, in("amount", "-5"), "amount", "The amount must be between £0 and £1,000",
            "Rhaid i’r swm fod rhwng £0 a £1,000"),
        // dates: missing first, then impossible, then the rules
        arguments(DOB, in(), "dob-day", "Enter your date of birth", "Rhowch eich dyddiad geni"),
        arguments(DOB, date("dob", "1", "", "1990"), "dob-month", "Date of birth must include a month",
            "Rhaid i’ch dyddiad geni gynnwys mis"),
        arguments(DOB, date("dob", "", "", "1990"), "dob-day", "Date of birth must include a day and month",
            "Rhaid i’ch dyddiad geni gynnwys diwrnod a mis"),
        arguments(DOB, date("dob", "", "3", ""), "dob-day", "Date of birth must include a day and year",
            "Rhaid i’ch dyddiad geni gynnwys diwrnod a blwyddyn"),
        arguments(DOB, date("dob", "4", "", ""), "dob-month", "Date of birth must include a month and year",
            "Rhaid i’ch dyddiad geni gynnwys mis a blwyddyn"),
        arguments(DOB, date("dob", "", "3", "1990"), "dob-day", "Date of birth must include a day",
            "Rhaid i’ch dyddiad geni gynnwys diwrnod"),
        arguments(DOB, date("dob", "4", "3", ""), "dob-year", "Date of birth must include a year",
            "Rhaid i’ch dyddiad geni gynnwys blwyddyn"),
        arguments(DOB, date("dob", "31", "2", "1990"), "dob-day", "Date of birth must be a real date",
            "Rhaid i’ch dyddiad geni fod yn ddyddiad go iawn"),
        arguments(DOB, date("dob", "1", "13", "1990"), "dob-month", "Date of birth must be a real date",
            "Rhaid i’ch dyddiad geni fod yn ddyddiad go iawn"),
        arguments(DOB, date("dob", "1", "1", "90"), "dob-year", "Year must include 4 numbers",
            "Rhaid i’r flwyddyn gynnwys 4 rhif"),
        arguments(DOB, date("dob", "1", "1", "2030"), "dob-day", "Date of birth must be in the past",
            "Rhaid i’ch dyddiad geni fod yn y gorffennol"),
        arguments(DOB, date("dob", "28", "11", "2026"), "dob-day", "Date of birth must be in the past",
            "Rhaid i’ch dyddiad geni fod yn y gorffennol"),
        arguments(VISIT, date("visit", "28", "11", "2026"), "visit-day", "The visit date must be in the future",
            "Rhaid i ddyddiad yr ymweliad fod yn y dyfodol"),
        arguments(EVENT, date("event", "29", "11", "2026"), "event-day", "The date of the incident must be today or in the past",
            "Rhaid i ddyddiad y digwyddiad fod heddiw neu yn y gorffennol"),
        arguments(MOVE, date("move", "27", "11", "2026"), "move-day", "Moving date must be today or in the future",
            "Rhaid i’ch dyddiad symud fod heddiw neu yn y dyfodol"),
        arguments(START, date("start", "1", "11", "2026"), "start-day",
            "The start date must be between 1 December 2026 and 31 March 2027",
            "Rhaid i’r dyddiad dechrau fod rhwng 1 Rhagfyr 2026 a 31 Mawrth 2027"),
        arguments(FROM, date("from", "30", "11", "2026"), "from-day",
            "The start date must be the same as or after 1 December 2026",
            "Rhaid i’r dyddiad dechrau fod ar 1 Rhagfyr 2026 neu ar ôl hynny"),
        arguments(UNTIL, date("until", "1", "4", "2027"), "until-day",
            "The end date must be the same as or before 31 March 2027",
            "Rhaid i’r dyddiad gorffen fod ar 31 Mawrth 2027 neu cyn hynny"),
        // email
        arguments(EMAIL, in(), "email", "Enter your email address", "Rhowch eich cyfeiriad e-bost"),
        arguments(EMAIL, in("email", "name@example"), "email",
            "Enter an email address in the correct format, like name@example.com",
            "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com"),
        // contact telephone number
        arguments(PHONE, in(), "phone", "Enter your telephone number", "Rhowch eich rhif ffôn"),
        arguments(PHONE, in("phone", "0800 FLOWERS"), "phone",
            "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192",
            "Rhowch rif ffôn, fel 01632 960 001, 07700 900 982 neu +44 808 157 0192"),
        // mobile number
        arguments(MOBILE, in(), "mobile", "Enter your mobile number", "Rhowch eich rhif ffôn symudol"),
        arguments(MOBILE, in("mobile", "07700 900 98a"), "mobile",
            "Mobile number must only include numbers, spaces and ( ) + -",
            "Rhaid i’ch rhif ffôn symudol gynnwys rhifau, bylchau a ( ) + - yn unig"),
        arguments(MOBILE, in("mobile", "07723 45678"), "mobile", "Mobile number is too short",
            "Rhaid i’ch rhif ffôn symudol gynnwys mwy o rifau"),
        arguments(MOBILE, in("mobile", "07723 4567890"), "mobile", "Mobile number is too long",
            "Rhaid i’ch rhif ffôn symudol gynnwys llai o rifau"),
        arguments(MOBILE, in("mobile", "01632 960 001"), "mobile", "Enter a mobile phone number, not a landline",
            "Rhowch rif ffôn symudol, nid rhif llinell dir"),
        arguments(MOBILE, in("mobile", "020 7946 0000"), "mobile", "Enter a mobile phone number, not a landline",
            "Rhowch rif ffôn symudol, nid rhif llinell dir"),
        arguments(MOBILE, in("mobile", "+33 1 23 45 67 89"), "mobile", "Enter a mobile phone number, not a landline",
            "Rhowch rif ffôn symudol, nid rhif llinell dir"),
        arguments(MOBILE, in("mobile", "07623 456789"), "mobile",
            "Enter a mobile phone number, like 07700 900 982 or +44 7700 900 982",
            "Rhowch rif ffôn symudol, fel 07700 900 982 neu +44 7700 900 982"),
        // postcode
        arguments(POSTCODE, in(), "postcode", "Enter your postcode", "Rhowch eich cod post"),
        arguments(POSTCODE, in("postcode", "SW1A"), "postcode", "Enter a full UK postcode", "Rhowch god post llawn yn y DU"),
        // address: everything blank is one message
        arguments(ADDRESS, in(), "address-line1", "Enter your address", "Rhowch eich cyfeiriad"),
        arguments(ADDRESS, in("address-town", "Cardiff", "address-postcode", "CF10 1AA"), "address-line1",
            "Enter address line 1, typically the building and street",
            "Rhowch linell 1 y cyfeiriad, sef yr adeilad a’r stryd fel arfer"),
        arguments(ADDRESS, in("address-line1", "1 High Street", "address-postcode", "CF10 1AA"), "address-town",
            "Enter town or city", "Rhowch dref neu ddinas"),
        arguments(ADDRESS, in("address-line1", "1 High Street", "address-town", "Cardiff"), "address-postcode",
            "Enter postcode", "Rhowch god post"),
        arguments(ADDRESS, in("address-line1", "1 High Street", "address-town", "Cardiff", "address-postcode", "CF10"),
            "address-postcode", "Enter a full UK postcode", "Rhowch god post llawn yn y DU"),
        // National Insurance number
        arguments(NINO, in(), "nino", "Enter your National Insurance number", "Rhowch eich rhif Yswiriant Gwladol"),
        arguments(NINO, in("nino", "QQ 12 34 56 C"), "nino", "Enter a National Insurance number in the correct format",
            "Rhowch rif Yswiriant Gwladol yn y fformat cywir"),
        // radios, select, yes/no
        arguments(BIN, in(), "bin", "Select which bin was missed", "Dewiswch pa fin a fethwyd"),
        arguments(BIN, in("bin", "<script>"), "bin", "Select which bin was missed", "Dewiswch pa fin a fethwyd"),
        arguments(WARD, in("ward", ""), "ward", "Select your ward", "Dewiswch eich ward"),
        arguments(LIVES, in(), "lives", "Select whether you live in the council area",
            "Dewiswch a ydych chi’n byw yn ardal y cyngor"),
        arguments(LIVES, in("lives", "maybe"), "lives", "Select whether you live in the council area",
            "Dewiswch a ydych chi’n byw yn ardal y cyngor"),
        // checkboxes
        arguments(WASTE, in(), "waste", "Select the types of waste", "Dewiswch y mathau o wastraff"),
        arguments(WASTE, in("waste", "glass"), "waste", "Select at least 2 options for the types of waste",
            "Dewiswch o leiaf 2 o opsiynau ar gyfer y mathau o wastraff"),
        arguments(WASTE, in("waste", "glass", "waste", "paper", "waste", "metal", "waste", "garden"), "waste",
            "Select no more than 3 options for the types of waste",
            "Peidiwch â dewis mwy na 3 o opsiynau ar gyfer y mathau o wastraff"),
        arguments(WASTE, in("waste", "glass", "waste", "plutonium"), "waste", "Select the types of waste",
            "Dewiswch y mathau o wastraff"),
        // file upload
        arguments(PHOTO, in(), "photo", "Select a photo of the damage", "Dewiswch lun o’r difrod"),
        arguments(PHOTO, file("bin.jpg", "0", "image/jpeg"), "photo", "The selected file is empty",
            "Mae’r ffeil a ddewiswyd yn wag"),
        arguments(PHOTO, file("notes.txt", "100", "text/plain"), "photo", "The selected file must be a JPG, PNG or PDF",
            "Rhaid i’r ffeil a ddewiswyd fod yn JPG, PNG neu PDF"),
        arguments(PHOTO, file("bin.jpg", Long.toString(3L * 1024 * 1024), "image/jpeg"), "photo",
            "The selected file must be smaller than 2MB", "Rhaid i’r ffeil a ddewiswyd fod yn llai na 2MB"),
        arguments(PHOTO, file("bin.jpg", "lots", "image/jpeg"), "photo",
            "The selected file could not be uploaded – try again",
            "Nid oedd modd uwchlwytho’r ffeil a ddewiswyd – rhowch gynnig arall arni"),
        // repeating group
        arguments(CHILDREN, in(), "children", "Add your children", "Ychwanegwch eich plant"),
        arguments(CHILDREN, in("children[0].name", "Sam"), "children[0].dob-day", "Enter the child’s date of birth",
            "Rhowch ddyddiad geni’r plentyn"),
        arguments(CHILDREN, in("children[0].name", "A", "children[1].name", "B", "children[2].name", "C",
            "children[3].name", "D", "children[0].dob-day", "1", "children[0].dob-month", "1", "children[0].dob-year",
            "2020", "children[1].dob-day", "1", "children[1].dob-month", "1", "children[1].dob-year", "2020",
            "children[2].dob-day", "1", "children[2].dob-month", "1", "children[2].dob-year", "2020",
            "children[3].dob-day", "1", "children[3].dob-month", "1", "children[3].dob-year", "2020"), "children",
            "You can add up to 3 entries for your children",
            "Gallwch ychwanegu hyd at 3 o gofnodion ar gyfer eich plant"),
        arguments(PAIRS, in("pairs[0].name", "Sam"), "pairs", "Add at least 2 entries for the people who live with you",
            "Ychwanegwch o leiaf 2 o gofnodion ar gyfer y bobl sy’n byw gyda chi"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("errors")
  void errorIsExactInEnglishAndWelsh(Question q, Map<String, List<String>> input, String field, String en, String cy) {
    FieldError e = first(q, input, EN);
    assertThat(e.message()).isEqualTo(en);
    assertThat(e.field()).isEqualTo(field);
    FieldError w = first(q, input, CY);
    assertThat(w.message()).isEqualTo(cy);
    assertThat(w.field()).isEqualTo(field);
  }

  static FieldError first(Question q, Map<String, List<String>> input, java.util.Locale l) {
    ValidationResult r = Validation.validate(q, input, l, TODAY);
    assertThat(r).as("%s with %s", q.id(), input).isInstanceOf(ValidationResult.Invalid.class);
    return ((ValidationResult.Invalid) r).error();
  }
}
