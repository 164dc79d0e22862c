package io.civickit.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.identity.AssuranceLevel;
import io.civickit.identity.CheckResult;
import io.civickit.identity.FailureReason;
import io.civickit.testsupport.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordMatcherTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final CouncilRecord JANE = new CouncilRecord("CT-1234-5678", Optional.of("Mrs Zoë O'Donnell-Smith"),
      Optional.of(LocalDate.of(1970, 1, 31)), Optional.of("sw1a 1aa"));
  static final CouncilRecord JOHN = new CouncilRecord("CT-9999-0000", Optional.of("John Doe"),
      Optional.of(LocalDate.of(1980, 5, 1)), Optional.of("SW1A 1AA"));

  final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
  final CouncilRecordLookup lookup = new CouncilRecordLookup() {
    @Override
    public Optional<CouncilRecord> findByReference(String reference) {
      return List.of(JANE, JOHN).stream().filter(r -> Normalise.reference(r.reference()).equals(reference)).findFirst();
    }

    @Override
    public List<CouncilRecord> findByPostcode(String postcode) {
      return List.of(JANE, JOHN).stream().filter(r -> Normalise.postcode(r.postcode().orElseThrow()).equals(postcode)).toList();
    }
  };

  RecordMatcher matcher(MatchPolicy policy) {
    return RecordMatcher.builder().lookup(lookup).policy(policy).serverKey(KEY).clock(clock).build();
  }

  @Test
  void referenceAndPostcodeMatchWhateverTheSpelling() {
    CheckResult r = matcher(MatchPolicy.referenceAndPostcode())
        .check(Claim.builder().reference("ct 1234 5678").postcode("SW1A1AA").build());
    assertThat(r).isInstanceOf(CheckResult.Verified.class);
    CheckResult.Verified v = (CheckResult.Verified) r;
    assertThat(v.level()).isEqualTo(AssuranceLevel.LOW);
    assertThat(v.evidence().facts()).isEqualTo(Map.of("policy", "reference-and-postcode"));
  }

  @Test
  void everyKindOfMismatchGivesTheSameGenericFailure() {
    RecordMatcher m = matcher(MatchPolicy.referenceAndPostcode());
    CheckResult wrongPostcode = m.check(Claim.builder().reference("CT12345678").postcode("SW1A 1AB").build());
    CheckResult noSuchReference = m.check(Claim.builder().reference("CT00000000").postcode("SW1A 1AA").build());
    CheckResult missingPostcode = m.check(Claim.builder().reference("CT99990000").build());
    assertThat(wrongPostcode).isEqualTo(new CheckResult.Failed(FailureReason.NOT_MATCHED, true, 4));
    assertThat(noSuchReference).isEqualTo(new CheckResult.Failed(FailureReason.NOT_MATCHED, true, 4));
    assertThat(missingPostcode).isEqualTo(new CheckResult.Failed(FailureReason.NOT_MATCHED, true, 4));
  }

  @Test
  void nameDateOfBirthAndPostcodeToleratesAccentsHyphensApostrophesTitlesAndATypo() {
    RecordMatcher m = matcher(MatchPolicy.nameDateOfBirthAndPostcode());
    assertThat(m.check(Claim.builder().name("zoe odonnell smith").dateOfBirth("31/1/1970").postcode("SW1A 1AA").build()))
        .isInstanceOf(CheckResult.Verified.class);
    assertThat(m.check(Claim.builder().name("Zoe O’Donnel-Smith").dateOfBirth("31 January 1970").postcode("sw1a1aa").build()))
        .isInstanceOf(CheckResult.Verified.class);
    assertThat(m.check(Claim.builder().name("Zoe O'Donnell-Smith").dateOfBirth("1970-01-30").postcode("SW1A 1AA").build()))
        .isInstanceOf(CheckResult.Failed.class);
    assertThat(m.check(Claim.builder().name("Jane Doe").dateOfBirth("1980-05-01").postcode("SW1A 1AA").build()))
        .as("a different first name of the same family").isInstanceOf(CheckResult.Failed.class);
  }

  @Test
  void twoOfFourNeedsTwoFactsThatAgree() {
    RecordMatcher m = matcher(MatchPolicy.anyOfFour(2));
    assertThat(m.check(Claim.builder().reference("CT99990000").dateOfBirth("1/5/1980").build()))
        .isInstanceOf(CheckResult.Verified.class);
    assertThat(m.check(Claim.builder().reference("CT99990000").dateOfBirth("2/5/1980").build()))
        .isInstanceOf(CheckResult.Failed.class);
    assertThat(m.check(Claim.builder().postcode("SW1A 1AA").name("John Doe").build()))
        .as("reference counts as one fact when it finds the record; here postcode and name agree")
        .isInstanceOf(CheckResult.Verified.class);
  }

  @Test
  void twoRecordsThatBothFitAreNotAMatch() {
    CouncilRecord twin = new CouncilRecord("CT-5", Optional.of("John Doe"), Optional.of(LocalDate.of(1990, 1, 1)),
        Optional.of("SW1A 1AA"));
    RecordMatcher m = RecordMatcher.builder().serverKey(KEY).clock(clock).policy(MatchPolicy.anyOfFour(2))
        .lookup(new CouncilRecordLookup() {
          @Override
          public Optional<CouncilRecord> findByReference(String reference) {
            return Optional.empty();
          }

          @Override
          public List<CouncilRecord> findByPostcode(String postcode) {
            return List.of(JOHN, twin);
          }
        }).build();
    assertThat(m.check(Claim.builder().postcode("SW1A 1AA").name("John Doe").build())).isInstanceOf(CheckResult.Failed.class);
  }

  @Test
  void aClaimWithNeitherReferenceNorPostcodeIsMalformed() {
    assertThat(matcher(MatchPolicy.anyOfFour(2)).check(Claim.builder().name("John Doe").dateOfBirth("1/5/1980").build()))
        .isEqualTo(new CheckResult.Failed(FailureReason.MALFORMED, true, 0));
  }

  @Test
  void policiesAndSettingsAreValidated() {
    assertThatThrownBy(() -> MatchPolicy.anyOfFour(1)).hasMessageContaining("at least 2 facts");
    assertThatThrownBy(() -> RecordMatcher.builder().nameThreshold(0.5)).hasMessageContaining("but was 0.5");
    assertThatThrownBy(() -> RecordMatcher.builder().serverKey(KEY).build()).hasMessageContaining("CouncilRecordLookup");
    assertThat(JANE.toString()).doesNotContain("Zo").doesNotContain("1970");
    assertThat(Claim.builder().name("Jane").build().toString()).doesNotContain("Jane");
  }
}
