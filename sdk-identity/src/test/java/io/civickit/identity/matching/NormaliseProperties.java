package io.civickit.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.time.api.constraints.DateRange;

class NormaliseProperties {

  @Property
  void nameNormalisationIsIdempotent(@ForAll String raw) {
    String once = Normalise.name(raw);
    assertThat(Normalise.name(once)).isEqualTo(once);
  }

  @Property
  void namesIgnoreCaseAndSurroundingSpaces(@ForAll @AlphaChars @StringLength(min = 1, max = 30) String name) {
    assertThat(Normalise.name("  " + name.toUpperCase(Locale.ROOT) + " ")).isEqualTo(Normalise.name(name.toLowerCase(Locale.ROOT)));
  }

  @Property
  void aNameIsAlwaysFullySimilarToItselfInAnyCase(@ForAll @AlphaChars @StringLength(min = 2, max = 30) String name) {
    // A title alone ("Dr", "Mx") is no name once titles are dropped: such input matches nothing (below).
    net.jqwik.api.Assume.that(!Normalise.name(name).isEmpty());
    assertThat(Normalise.nameSimilarity(name, name.toUpperCase(Locale.ROOT))).isEqualTo(1.0);
  }

  @net.jqwik.api.Example
  void aTitleAloneIsNoNameAndMatchesNothing() {
    assertThat(Normalise.name("Dr")).isEmpty();
    assertThat(Normalise.nameSimilarity("Dr", "DR")).isEqualTo(0.0);
    assertThat(Normalise.nameSimilarity("Mx", "Mx")).isEqualTo(0.0);
  }

  @Property
  void similarityIsSymmetricAndBetweenZeroAndOne(@ForAll @StringLength(max = 20) String a, @ForAll @StringLength(max = 20) String b) {
    double ab = Normalise.nameSimilarity(a, b);
    assertThat(ab).isBetween(0.0, 1.0);
    assertThat(Normalise.nameSimilarity(b, a)).isCloseTo(ab, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Provide
  Arbitrary<String> postcodes() {
    Arbitrary<String> area = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(2);
    Arbitrary<Integer> district = Arbitraries.integers().between(1, 99);
    Arbitrary<Integer> sector = Arbitraries.integers().between(0, 9);
    Arbitrary<String> unit = Arbitraries.strings().withCharRange('A', 'Z').ofLength(2);
    return net.jqwik.api.Combinators.combine(area, district, sector, unit).as((a, d, s, u) -> a + d + " " + s + u);
  }

  @Property
  void postcodesSurviveAnySpacingAndCase(@ForAll("postcodes") String postcode) {
    String messy = postcode.toLowerCase(Locale.ROOT).replace(" ", "") + "  ";
    assertThat(Normalise.postcode(messy)).isEqualTo(postcode);
    assertThat(Normalise.postcode(Normalise.postcode(messy))).isEqualTo(postcode);
  }

  @Property
  void datesRoundTripInEveryAcceptedFormat(@ForAll @DateRange(min = "1900-01-01", max = "2030-12-31") LocalDate date) {
    assertThat(Normalise.date(date.toString())).contains(date);
    assertThat(Normalise.date(date.format(DateTimeFormatter.ofPattern("d/M/yyyy")))).contains(date);
    assertThat(Normalise.date(date.format(DateTimeFormatter.ofPattern("dd MM yyyy")))).contains(date);
    assertThat(Normalise.date(date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)))).contains(date);
    assertThat(Normalise.date(date.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)))).contains(date);
  }
}
