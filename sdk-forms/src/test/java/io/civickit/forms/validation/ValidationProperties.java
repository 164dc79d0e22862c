package io.civickit.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.FieldError;
import io.civickit.forms.LocalisedText;
import io.civickit.forms.Option;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.internal.validation.QuestionValidator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Validation never throws, whatever is submitted, and gives the same answer every time. */
class ValidationProperties {

  private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

  @Provide
  Arbitrary<Question> questions() {
    Arbitrary<QuestionType> types = Arbitraries.of(QuestionType.class);
    Arbitrary<Integer> maxLength = Arbitraries.integers().between(1, 2000);
    Arbitrary<Integer> bound = Arbitraries.integers().between(-100, 100);
    Arbitrary<Boolean> flag = Arbitraries.of(true, false);
    Arbitrary<Question.DateRule> rules = Arbitraries.of(Question.DateRule.class);
    Arbitrary<Integer> options = Arbitraries.integers().between(1, 6);
    return Combinators.combine(types, maxLength, bound, bound, flag, rules, options, flag).as(
        (type, max, a, b, required, rule, n, bounds) -> {
          Question.Builder q = Question.builder("q", type).label("Q", "C").errorNoun("the answer", "yr ateb")
              .required(required || type == QuestionType.DECLARATION).maxLength(max).dateRule(rule).maxFileBytes(1000 + Math.abs(a) * 1000L);
          if (bounds) {
            q.min(BigDecimal.valueOf(Math.min(a, b))).max(BigDecimal.valueOf(Math.max(a, b)));
            q.notBefore(TODAY.plusDays(Math.min(a, b))).notAfter(TODAY.plusDays(Math.max(a, b)));
            q.fileType("image/png").fileType(".pdf");
          }
          for (int i = 0; i < n; i++) {
            Option o = Option.of("o" + i, LocalisedText.of("Option " + i, "Opsiwn " + i));
            if (type == QuestionType.CHECKBOXES && i > 0 && i == n - 1 && bounds) {
              o = o.afterDivider().asExclusive(); // "None of these"
            }
            q.option(o);
          }
          if (bounds && type == QuestionType.TEXT) {
            q.minLength(Math.min(3, max)).pattern("[a-z ]*", "{Subject} must only include letters a to z and spaces",
                "Rhaid {i_subject} gynnwys llythrennau a i z a bylchau yn unig");
          }
          if (!bounds) {
            // authored words that would trip a regex-based filler ($1, backslashes) stay as they are
            q.errorSubject("How many $1 \\ items", "faint $0").message("number.invalid", "{Subject} $2 {example}", "{i_subject} \\1");
          }
          if (type == QuestionType.REPEATING_GROUP) {
            q.item(Question.builder("i", QuestionType.TEXT).label("I", "I").errorNoun("the item", "yr eitem").build());
            q.item(Question.builder("d", QuestionType.DATE).label("D", "D").errorNoun("the date", "y dyddiad").build());
            q.item(Question.builder("a", QuestionType.ADDRESS).label("A", "A").errorNoun("the address", "y cyfeiriad")
                .required(false).build());
          }
          q.items(required ? Math.min(n, 2) : 0, Math.max(1, n));
          return q.build();
        });
  }

  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> parts = Arbitraries.of("", " ", "0", "1", "12", "31", "2", "13", "1990", "90", "jan", "Ionawr",
        "£", ",", ".", "-", "+", "+44", "07700 900982", "020 7946 0000", "ext 12", "x", "@", "name@example.com",
        "sw1a 1aa", "AB 12 34 56 C", "o1", "o0", "yes", "no", "true", "\u200B", "\uFEFF", "\u00A0", "\r\n", "\t",
        "<script>", "'", "\"", "%", "\\", "\u0000", "\uD800", "😀", "ŵ", "١٢", "1e9", "NaN", "9".repeat(40),
        "image/png", "a.pdf", "2048", "[0]", "]", "FR", "GB", "fr", "ZZ");
    Arbitrary<String> joined = parts.list().ofMaxSize(6).map(l -> String.join("", l));
    Arbitrary<String> any = Arbitraries.strings().ofMaxLength(40);
    Arbitrary<String> huge = Arbitraries.of("a", "9", " ", "\u200B", "é", "1,").flatMap(s ->
        Arbitraries.integers().between(1_000, 60_000).map(s::repeat));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, joined), net.jqwik.api.Tuple.of(3, any), net.jqwik.api.Tuple.of(1, huge));
  }

  @Provide
  Arbitrary<Map<String, List<String>>> inputs() {
    Arbitrary<String> names = Arbitraries.of("q", "q-day", "q-month", "q-year", "q-line1", "q-line2", "q-town",
        "q-postcode", "q-uprn", "q-name", "q-size", "q-type", "q-items", "q[0].i", "q[1].i", "q[0].d-day",
        "q[0].d-month", "q[0].d-year", "q[2].a-line1", "q[999].i", "q[1000].i", "q[-1].i", "q[x].i", "q[", "other",
        "q-line3", "q-region", "q-country");
    Arbitrary<List<String>> lists = values().list().ofMaxSize(4).map(l -> {
      List<String> out = new ArrayList<>(l);
      if (!out.isEmpty() && out.get(0).length() == 1) {
        out.add(null);
      }
      return out;
    });
    return Arbitraries.maps(names, lists).ofMaxSize(14).map(HashMap::new);
  }

  @Property(tries = 600)
  void validationNeverThrowsAndIsDeterministic(@ForAll("questions") Question q,
      @ForAll("inputs") Map<String, List<String>> in, @ForAll boolean welsh) {
    Locale l = welsh ? Locale.forLanguageTag("cy") : Locale.UK;
    ValidationResult r = new QuestionValidator(q, in, l, TODAY, Messages.defaults()).validateWithoutSafetyNet();
    assertThat(Validation.validate(q, in, l, TODAY)).isEqualTo(r);
    assertThat(Validation.validate(q, in, l, TODAY)).isEqualTo(r);
    if (r instanceof ValidationResult.Invalid invalid) {
      for (FieldError e : invalid.errors()) {
        assertThat(e.message()).isNotBlank().doesNotContain("{");
        assertThat(e.field()).startsWith("q");
      }
    } else {
      ValidationResult.Valid v = (ValidationResult.Valid) r;
      assertThat(v.value().isPresent() || !q.required()).isTrue();
    }
  }

  @Property(tries = 200)
  void nullsAndOddMapsNeverThrow(@ForAll("questions") Question q, @ForAll boolean nullList) {
    Map<String, List<String>> in = new HashMap<>();
    in.put(null, List.of("x"));
    in.put("q", nullList ? null : new ArrayList<>(java.util.Arrays.asList(null, null)));
    in.put("q[0].i", null);
    in.put("q-day", null);
    assertThat(new QuestionValidator(q, in, Locale.UK, TODAY, Messages.defaults()).validateWithoutSafetyNet())
        .isNotNull();
    assertThat(new QuestionValidator(q, null, null, TODAY, Messages.defaults()).validateWithoutSafetyNet())
        .isNotNull();
  }

  @Property(tries = 300)
  void whatIsShownBackValidatesToTheSameValue(@ForAll("values") String typed, @ForAll("singleInputTypes") QuestionType type) {
    Question q = Question.builder("q", type).label("Q", "C").errorNoun("the answer", "yr ateb").maxLength(100_000).build();
    ValidationResult r = Validation.validate(q, Map.of("q", List.of(typed)), Locale.UK, TODAY);
    if (r instanceof ValidationResult.Valid v && v.value().isPresent()) {
      ValidationResult again = Validation.validate(q, Map.of("q", List.of(v.display())), Locale.UK, TODAY);
      assertThat(again).isInstanceOf(ValidationResult.Valid.class);
      assertThat(((ValidationResult.Valid) again).value()).isEqualTo(v.value());
    }
  }

  @Provide
  Arbitrary<QuestionType> singleInputTypes() {
    return Arbitraries.of(QuestionType.TEXT, QuestionType.TEXTAREA, QuestionType.WHOLE_NUMBER, QuestionType.DECIMAL,
        QuestionType.MONEY, QuestionType.EMAIL, QuestionType.PHONE, QuestionType.MOBILE, QuestionType.POSTCODE,
        QuestionType.NATIONAL_INSURANCE_NUMBER);
  }

  // ------------------------------------------------------------------ normalisation

  @Provide
  Arbitrary<String> postcodes() {
    Arbitrary<String> outward = Arbitraries.of("SW1A", "EC1A", "W1A", "M1", "B33", "CR2", "DN55", "CF10", "LL57", "GIR");
    Arbitrary<String> inward = Combinators.combine(Arbitraries.integers().between(0, 9),
        Arbitraries.of("AA", "AB", "BD", "XY", "ZZ", "EH", "TH", "UW")).as((d, l) -> d + l);
    return Combinators.combine(outward, inward).as((o, i) -> o.equals("GIR") ? "GIR 0AA" : o + " " + i);
  }

  @Provide
  Arbitrary<String> ninos() {
    Arbitrary<String> prefix = Arbitraries.of("AB", "CE", "JG", "PR", "WX", "YZ", "HN", "EA");
    return Combinators.combine(prefix, Arbitraries.strings().numeric().ofLength(6), Arbitraries.of("A", "B", "C", "D"))
        .as((p, d, s) -> p + d + s);
  }

  private static String messUp(String s, List<Integer> noise) {
    StringBuilder b = new StringBuilder();
    String[] junk = {" ", "-", ".", "  ", "\u200B", "\u00A0", "/", ""};
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int n = noise.isEmpty() ? 0 : noise.get(i % noise.size());
      b.append(n % 2 == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c));
      b.append(junk[Math.floorMod(n, junk.length)]);
    }
    return "  " + b + " ";
  }

  @Property
  void postcodeNormalisationIgnoresCaseSpacesAndPunctuation(@ForAll("postcodes") String pc,
      @ForAll List<@net.jqwik.api.constraints.IntRange(min = 0, max = 50) Integer> noise) {
    Optional<String> expected = Validation.normalisePostcode(pc);
    assertThat(expected).contains(pc);
    assertThat(Validation.normalisePostcode(messUp(pc, noise))).isEqualTo(expected);
  }

  @Property
  void postcodeNormalisationIsIdempotent(@ForAll("values") String any) {
    Validation.normalisePostcode(any).ifPresent(p -> assertThat(Validation.normalisePostcode(p)).contains(p));
  }

  @Property
  void ninoNormalisationIgnoresCaseSpacesAndPunctuation(@ForAll("ninos") String nino,
      @ForAll List<@net.jqwik.api.constraints.IntRange(min = 0, max = 50) Integer> noise) {
    assertThat(Validation.normaliseNationalInsuranceNumber(nino)).contains(nino);
    assertThat(Validation.normaliseNationalInsuranceNumber(messUp(nino, noise))).contains(nino);
  }

  @Property
  void ninoNormalisationIsIdempotent(@ForAll String any) {
    Validation.normaliseNationalInsuranceNumber(any)
        .ifPresent(n -> assertThat(Validation.normaliseNationalInsuranceNumber(n)).contains(n));
  }
}
