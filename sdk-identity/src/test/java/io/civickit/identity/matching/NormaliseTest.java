package io.civickit.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NormaliseTest {
  @Test
  void namesLoseCaseAccentsApostrophesHyphensTitlesAndExtraSpaces() {
    assertThat(Normalise.name("  Mrs  Zoë   O’Donnell-Smith ")).isEqualTo("zoe odonnell smith");
    assertThat(Normalise.name("SEÁN Mac Giolla-Phádraig")).isEqualTo("sean mac giolla phadraig");
    assertThat(Normalise.name("Dr. J. R. R. Tolkien")).isEqualTo("j r r tolkien");
  }

  @Test
  void nameSimilarityIsJaroWinklerWithWordOrderForgiven() {
    assertThat(Normalise.nameSimilarity("Jon Smith", "John Smith")).isGreaterThan(RecordMatcher.DEFAULT_NAME_THRESHOLD);
    assertThat(Normalise.nameSimilarity("Doe Jane", "Jane Doe")).isEqualTo(1.0);
    assertThat(Normalise.nameSimilarity("Jane Doe", "John Doe")).isLessThan(RecordMatcher.DEFAULT_NAME_THRESHOLD);
    assertThat(Normalise.nameSimilarity("", "John Doe")).isZero();
  }

  @Test
  void postcodesAndReferencesAreCanonical() {
    assertThat(Normalise.postcode("sw1a1aa")).isEqualTo("SW1A 1AA");
    assertThat(Normalise.postcode(" M1  1ae ")).isEqualTo("M1 1AE");
    assertThat(Normalise.reference("ct-1234 5678/a")).isEqualTo("CT12345678A");
  }

  @Test
  void datesAreReadInTheWaysPeopleTypeThem() {
    LocalDate d = LocalDate.of(1970, 1, 31);
    assertThat(Normalise.date("1970-01-31")).contains(d);
    assertThat(Normalise.date("31/1/1970")).contains(d);
    assertThat(Normalise.date("31 01 1970")).contains(d);
    assertThat(Normalise.date("31.01.1970")).contains(d);
    assertThat(Normalise.date("31 January 1970")).contains(d);
    assertThat(Normalise.date("31 jan 1970")).contains(d);
    assertThat(Normalise.date("31 Sept 1970")).isEmpty();
    assertThat(Normalise.date("30 Sept 1970")).contains(LocalDate.of(1970, 9, 30));
    assertThat(Normalise.date("31/2/1970")).isEmpty();
    assertThat(Normalise.date("yesterday")).isEmpty();
  }
}
