package io.civickit.forms.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Actor;
import io.civickit.core.Journey;
import io.civickit.core.Journeys;
import io.civickit.core.SubmitResult;
import io.civickit.core.Value;
import io.civickit.core.progress.ProgressStore;
import io.civickit.forms.Form;
import io.civickit.forms.FormJourney;
import io.civickit.forms.Forms;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AddressLookupTest {

  static final Address TEN = new Address("100023336956", List.of("10 High Street"), "Bryncoed", "cf10 1aa");
  static final Address TWO = new Address("100023336950", List.of("Flat 1", "2 High Street"), "Bryncoed", "CF10 1AA");
  static final Address OTHER = new Address("200001", List.of("1 Station Road"), "Bryncoed", "CF11 9ZZ");
  static final AddressLookup LOOKUP = AddressLookup.inMemory(List.of(TEN, TWO, OTHER));

  @Test
  void postcodesAreNormalisedWhateverTheSpacingAndCase() {
    assertThat(Address.normalisePostcode(" cf10-1aa ")).contains("CF10 1AA");
    assertThat(Address.normalisePostcode("sw1a1aa")).contains("SW1A 1AA");
    assertThat(Address.normalisePostcode("CF10")).isEmpty();
    assertThat(Address.normalisePostcode("not a postcode at all")).isEmpty();
  }

  @Property
  void normalisingNeverThrowsAndIsStable(@ForAll String typed) {
    Address.normalisePostcode(typed).ifPresent(p -> assertThat(Address.normalisePostcode(p)).contains(p));
  }

  @Test
  void searchFindsAddressesAtThePostcode() {
    PostcodeSearch s = PostcodeSearch.run(LOOKUP, "cf10 1AA");
    assertThat(s).isInstanceOfSatisfying(PostcodeSearch.Found.class, f -> {
      assertThat(f.postcode()).isEqualTo("CF10 1AA");
      assertThat(f.addresses()).containsExactly(TEN, TWO);
    });
  }

  @Test
  void everyOtherOutcomeLeadsToManualEntry() {
    assertThat(PostcodeSearch.run(LOOKUP, "CF99 9AA")).isEqualTo(new PostcodeSearch.NoneFound("CF99 9AA"));
    assertThat(PostcodeSearch.run(LOOKUP, "12345")).isInstanceOf(PostcodeSearch.NotAPostcode.class);
    AddressLookup down = postcode -> {
      throw new IllegalStateException("gazetteer timed out");
    };
    assertThat(PostcodeSearch.run(down, "CF10 1AA")).isEqualTo(new PostcodeSearch.Unavailable("CF10 1AA"));
  }

  @Test
  void addressesSortByStreetThenHouseNumber() {
    List<Address> list = new ArrayList<>(List.of(
        new Address("3", List.of("10 High Street"), "T", "CF10 1AA"),
        new Address("1", List.of("2 High Street"), "T", "CF10 1AA"),
        new Address("2", List.of("1 Abbey Road"), "T", "CF10 1AA")));
    list.sort(AddressLookup.naturalOrder());
    assertThat(list).extracting(Address::uprn).containsExactly("2", "1", "3");
  }

  @Test
  void addressesAreValidatedAndNeverPrinted() {
    assertThatThrownBy(() -> new Address("12a", List.of("1 High St"), "T", "CF10 1AA"))
        .hasMessageContaining("UPRN");
    assertThatThrownBy(() -> new Address("1", List.of(), "T", "CF10 1AA")).hasMessageContaining("lines");
    assertThat(TEN.toString()).isEqualTo("Address[uprn=100023336956]").doesNotContain("High");
    assertThat(TWO.singleLine()).isEqualTo("Flat 1, 2 High Street, Bryncoed, CF10 1AA");
  }

  // ---- with a journey -----------------------------------------------------------------------

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  private static Form garden() throws Exception {
    try (InputStream in = AddressLookupTest.class.getResourceAsStream("/forms/garden-waste-permit.json")) {
      return Forms.read(in);
    }
  }

  private static Value addressAnswer(Map<String, List<String>> input) throws Exception {
    Form form = garden();
    Journeys js = Journeys.builder().definition(FormJourney.definition(form, CLOCK, LOOKUP))
        .store(ProgressStore.inMemory()).clock(CLOCK).build();
    Journey j = js.start(form.id());
    js.submit(j.id(), "lives-in-area", Map.of("lives_in_area", List.of("yes")), Actor.citizen(), Locale.UK);
    SubmitResult r = js.submit(j.id(), "address", input, Actor.citizen(), Locale.UK);
    assertThat(r).isInstanceOf(SubmitResult.Moved.class);
    return r.journey().answer("address").orElseThrow().value();
  }

  @Test
  void chosenAddressKeepsItsUprn() throws Exception {
    Value v = addressAnswer(TWO.toInput("address"));
    assertThat(((Value.Fields) v).get("uprn")).contains(Value.text("100023336950"));
    assertThat(((Value.Fields) v).get("line1")).contains(Value.text("Flat 1"));
  }

  @Test
  void uprnTheLookupDoesNotConfirmIsDropped() throws Exception {
    Map<String, List<String>> forged = new LinkedHashMap<>(TWO.toInput("address"));
    forged.put("address-uprn", List.of("200001"));
    assertThat(((Value.Fields) addressAnswer(forged)).get("uprn")).isEmpty();
  }

  @Test
  void manualEntryIsAlwaysAccepted() throws Exception {
    Value v = addressAnswer(Map.of("address-line1", List.of("Ty Newydd"), "address-town", List.of("Bryncoed"),
        "address-postcode", List.of("CF99 9AA")));
    assertThat(((Value.Fields) v).get("uprn")).isEmpty();
    assertThat(((Value.Fields) v).get("postcode")).contains(Value.text("CF99 9AA"));
  }
}
