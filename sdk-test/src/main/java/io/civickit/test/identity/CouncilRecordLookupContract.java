package io.civickit.test.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.civickit.identity.CheckResult;
import io.civickit.identity.IdentityStore;
import io.civickit.identity.matching.Claim;
import io.civickit.identity.matching.CouncilRecord;
import io.civickit.identity.matching.CouncilRecordLookup;
import io.civickit.identity.matching.MatchPolicy;
import io.civickit.identity.matching.Normalise;
import io.civickit.identity.matching.RecordMatcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CouncilRecordLookup} must meet: a supplier's lookup over the
 * council's system, and any CivicKit ships. Extend it in your tests and give a lookup over a
 * source holding exactly the records asked for, stored the way your system stores them:
 *
 * <pre>{@code
 * class MyLookupTest extends CouncilRecordLookupContract {
 *   @Override protected CouncilRecordLookup lookupHolding(List<CouncilRecord> records) {
 *     testDatabase.replaceRecords(records);          // as the council's system would hold them
 *     return new MyLookup(testDatabase.dataSource());
 *   }
 * }
 * }</pre>
 *
 * <p>The records come in the spellings a council's system holds them in ({@code CT-1234-5678},
 * {@code ct 1234 9999}, {@code sw1a 1aa}), and the lookup is asked, as the matcher asks it,
 * with the values {@link Normalise} gives. What it checks: every record is found by the
 * normalised form of the reference it is held under, exactly (never by prefix or pattern), with
 * the facts held and no others; anything a person might type gives an empty result, not an
 * exception; a lookup that searches by postcode finds every record at a postcode in whatever
 * spelling it is held, and one that does not returns none; lookups from many threads at once
 * find the same; and behind {@link RecordMatcher} a claim typed in another spelling is verified.
 */
public abstract class CouncilRecordLookupContract {

  /**
   * A lookup over a source holding exactly these records and no others, with each value
   * spelled as given (store them as your system would; a value it normalises on the way in is
   * fine).
   */
  protected abstract CouncilRecordLookup lookupHolding(List<CouncilRecord> records);

  /**
   * Whether the lookup searches by postcode; return false if it keeps
   * {@link CouncilRecordLookup#findByPostcode}'s default of none.
   */
  protected boolean findsByPostcode() {
    return true;
  }

  /** Council tax, housing benefit and other references, in the spellings systems hold them in. */
  protected List<CouncilRecord> records() {
    return List.of(
        record("CT-1234-5678", "O'Donnell, Zoë", LocalDate.of(1970, 1, 31), "sw1a 1aa"),
        record("ct 1234 9999", "Jane Doe", LocalDate.of(1980, 1, 31), "SW1A1AA"),
        record("CT-1234-5678-0", "Sam Smith", LocalDate.of(1990, 12, 1), "E1 6AN"),
        record("HB/0042/7", null, null, null),
        record("CT12345679", "Siân Jones", null, "cf10 1ep"));
  }

  /** A record; null for a fact not held. */
  protected static CouncilRecord record(String reference, String name, LocalDate dateOfBirth, String postcode) {
    return new CouncilRecord(reference, Optional.ofNullable(name), Optional.ofNullable(dateOfBirth),
        Optional.ofNullable(postcode));
  }

  private static void assertSameFacts(CouncilRecord found, CouncilRecord held) {
    assertThat(Normalise.reference(found.reference())).as("the reference").isEqualTo(Normalise.reference(held.reference()));
    assertThat(found.name().map(Normalise::name)).as("the name").isEqualTo(held.name().map(Normalise::name));
    assertThat(found.dateOfBirth()).as("the date of birth").isEqualTo(held.dateOfBirth());
    assertThat(found.postcode().map(Normalise::postcode)).as("the postcode")
        .isEqualTo(held.postcode().map(Normalise::postcode));
  }

  private static List<String> references(List<CouncilRecord> records) {
    return records.stream().map(r -> Normalise.reference(r.reference())).toList();
  }

  @Test
  void everyRecordIsFoundByTheNormalisedReferenceItIsHeldUnderWithTheFactsHeld() {
    CouncilRecordLookup lookup = lookupHolding(records());
    for (CouncilRecord held : records()) {
      Optional<CouncilRecord> found = lookup.findByReference(Normalise.reference(held.reference()));
      assertThat(found).as("the record held as %s", held.reference()).isPresent();
      assertSameFacts(found.get(), held);
    }
  }

  @Test
  void aFactThatIsNotHeldIsEmptyNeverGuessed() {
    CouncilRecord held = records().get(3);
    CouncilRecord found = lookupHolding(records()).findByReference(Normalise.reference(held.reference())).orElseThrow();
    assertThat(found.name()).isEmpty();
    assertThat(found.dateOfBirth()).isEmpty();
    assertThat(found.postcode()).isEmpty();
  }

  @Test
  void anUnknownReferenceIsEmptyAndSoIsAPrefixOrAPattern() {
    CouncilRecordLookup lookup = lookupHolding(records());
    for (String typed : List.of("CT00000000", "CT1234567", "CT123456", "CT%", "CT1234567_", "CT*", ".*",
        "HB", "HB00427X", "")) {
      assertThat(lookup.findByReference(Normalise.reference(typed))).as("looking up %s", typed).isEmpty();
    }
    assertThat(lookup.findByReference(Normalise.reference("CT-1234-5678")).map(r -> Normalise.reference(r.reference())))
        .as("one record's reference begins with another's").contains("CT12345678");
  }

  @Test
  void anythingAPersonMightTypeIsAnEmptyResultNotAnException() {
    CouncilRecordLookup lookup = lookupHolding(records());
    List<String> typed = List.of("' OR '1'='1", "CT1234'; DROP TABLE records; --", "\"CT12345678\"", "😀", "\\", "CT\t1234", "9".repeat(500), "<script>alert(1)</script>");
    for (String t : typed) {
      String normalised = Normalise.reference(t);
      assertThatCode(() -> assertThat(lookup.findByReference(normalised)).isEmpty()).as("looking up %s", t)
          .doesNotThrowAnyException();
      String postcode = Normalise.postcode(t);
      assertThatCode(() -> assertThat(lookup.findByPostcode(postcode)).isEmpty()).as("looking up postcode %s", t)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void everyRecordAtAPostcodeIsFoundInWhateverSpellingItIsHeld() {
    assumeThat(findsByPostcode()).as("the lookup searches by postcode").isTrue();
    CouncilRecordLookup lookup = lookupHolding(records());
    List<CouncilRecord> records = records();
    assertThat(references(lookup.findByPostcode(Normalise.postcode("SW1A 1AA"))))
        .containsExactlyInAnyOrder("CT12345678", "CT12349999");
    assertThat(references(lookup.findByPostcode(Normalise.postcode("e16an")))).containsExactly("CT123456780");
    for (CouncilRecord found : lookup.findByPostcode(Normalise.postcode("CF10 1EP"))) {
      assertSameFacts(found, records.get(4));
    }
    assertThat(lookup.findByPostcode(Normalise.postcode("CF10 1EP"))).hasSize(1);
    assertThat(lookup.findByPostcode(Normalise.postcode("ZZ9 9ZZ"))).isEmpty();
    assertThat(lookup.findByPostcode(Normalise.postcode("SW1A"))).as("a partial postcode").isEmpty();
  }

  @Test
  void aLookupThatDoesNotSearchByPostcodeFindsNone() {
    assumeThat(findsByPostcode()).as("the lookup searches by postcode").isFalse();
    CouncilRecordLookup lookup = lookupHolding(records());
    assertThat(lookup.findByPostcode(Normalise.postcode("SW1A 1AA"))).isEmpty();
  }

  @Test
  void lookupsFromManyThreadsAtOnceFindTheSame() throws Exception {
    CouncilRecordLookup lookup = lookupHolding(records());
    List<CouncilRecord> records = records();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        CouncilRecord held = records.get(i % records.size());
        results.add(pool.submit(() -> lookup.findByReference(Normalise.reference(held.reference()))
            .map(r -> Normalise.reference(r.reference()).equals(Normalise.reference(held.reference())))
            .orElse(false)));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void behindTheMatcherAClaimTypedInAnotherSpellingIsVerifiedAndAWrongOneIsNot() {
    RecordMatcher byReference = RecordMatcher.builder().lookup(lookupHolding(records()))
        .policy(MatchPolicy.referenceAndPostcode()).serverKey(new byte[32]).store(IdentityStore.inMemory()).build();
    assertThat(byReference.check(Claim.builder().reference("ct1234 5678").postcode("SW1A1AA").build()))
        .isInstanceOf(CheckResult.Verified.class);
    assertThat(byReference.check(Claim.builder().reference("CT 1234 9999").postcode("sw1a 1aa").build()))
        .isInstanceOf(CheckResult.Verified.class);
    assertThat(byReference.check(Claim.builder().reference("CT-1234-5678").postcode("E1 6AN").build()))
        .isInstanceOf(CheckResult.Failed.class);
    assertThat(byReference.check(Claim.builder().reference("CT 1234 5670").postcode("SW1A 1AA").build()))
        .isInstanceOf(CheckResult.Failed.class);
    if (findsByPostcode()) {
      RecordMatcher byPostcode = RecordMatcher.builder().lookup(lookupHolding(records()))
          .policy(MatchPolicy.nameDateOfBirthAndPostcode()).serverKey(new byte[32]).store(IdentityStore.inMemory())
          .build();
      assertThat(byPostcode.check(Claim.builder().name("Zoe O’Donnell").dateOfBirth("31/01/1970").postcode("SW1A1AA")
          .build())).isInstanceOf(CheckResult.Verified.class);
      assertThat(byPostcode.check(Claim.builder().name("Jane Doe").dateOfBirth("31/01/1970").postcode("SW1A 1AA")
          .build())).isInstanceOf(CheckResult.Failed.class);
    }
  }
}
