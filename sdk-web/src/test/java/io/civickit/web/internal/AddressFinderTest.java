package io.civickit.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.Value;
import io.civickit.forms.address.Address;
import io.civickit.forms.address.AddressLookup;
import io.civickit.web.WebResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Find an address" in the runner: postcode, pick, or type it, with the lookup down or knowing nothing. */
class AddressFinderTest {
  private static final Address ONE = new Address("100023336956", List.of("1 Garden Row"), "Anytown", "SW1A 1AA");
  private static final Address TWO = new Address("100023336957", List.of("2 Garden Row"), "Anytown", "SW1A 1AA");
  private static final Address ELSEWHERE = new Address("200000000001", List.of("9 Far Lane"), "Othertown", "CF10 1AA");

  @TempDir Path dir;
  private InProcess web;
  private final AtomicBoolean down = new AtomicBoolean();

  @BeforeEach
  void start() {
    AddressLookup gazetteer = AddressLookup.inMemory(List.of(ONE, TWO, ELSEWHERE));
    web = new InProcess(dir, "/address-form.json", Map.of(), (self, b) -> b.addressLookup(postcode -> {
      if (down.get()) {
        throw new IllegalStateException("the gazetteer is down");
      }
      return gazetteer.find(postcode);
    }));
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private InProcess.Browser started() {
    InProcess.Browser b = web.browser();
    b.get("/");
    assertThat(b.post("/start", Map.of()).header("Location")).contains("/apply/where");
    return b;
  }

  private Journey onlyJourney() {
    try (Connection c = web.dataSource.getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT journey_id FROM civickit_journeys")) {
      assertThat(rs.next()).isTrue();
      return web.runner.journeys().find(new JourneyId(rs.getString(1))).orElseThrow();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void thePostcodeComesFirstThenThePersonPicksTheirAddressAndItIsSavedWithItsUprn() {
    InProcess.Browser b = started();
    String ask = b.get("/apply/where").bodyText();
    assertThat(ask).contains("What is the address nearest the tree?").contains("name=\"find-postcode\"")
        .contains("<form method=\"get\"").contains("Enter the address manually")
        .doesNotContain("name=\"address-line1\"");

    String list = b.get("/apply/where?find-postcode=sw1a+1aa").bodyText();
    assertThat(list).contains("2 addresses found for SW1A 1AA.")
        .contains("<option value=\"100023336956\">1 Garden Row, Anytown, SW1A 1AA</option>")
        .contains("<option value=\"100023336957\">").doesNotContain("9 Far Lane")
        .contains("I cannot find the address in the list").contains("name=\"csrf\"");

    WebResponse picked = b.post("/apply/where", Map.of("find-postcode", "SW1A 1AA", "find-address", "100023336957"));
    assertThat(picked.status()).isEqualTo(303);
    assertThat(picked.header("Location")).contains("/apply/contact");
    Map<String, Value> parts = ((Value.Fields) onlyJourney().answer("address").orElseThrow().value()).values();
    assertThat(parts.get("line1")).isEqualTo(Value.text("2 Garden Row"));
    assertThat(parts.get("uprn")).as("a picked address keeps its UPRN").isEqualTo(Value.text("100023336957"));
  }

  @Test
  void anAddressFromAnotherPostcodeOrNoneChosenIsRefusedAndNothingIsSaved() {
    InProcess.Browser b = started();
    b.get("/apply/where?find-postcode=SW1A1AA");
    WebResponse forged = b.post("/apply/where", Map.of("find-postcode", "SW1A 1AA", "find-address", "200000000001"));
    assertThat(forged.status()).isEqualTo(200);
    assertThat(forged.bodyText()).contains("govuk-error-summary").contains("Select an address")
        .contains("href=\"#find-address\"");
    WebResponse none = b.post("/apply/where", Map.of("find-postcode", "SW1A 1AA", "find-address", ""));
    assertThat(none.bodyText()).contains("Select an address").contains("govuk-select--error");
    assertThat(onlyJourney().answer("address")).isEmpty();
    assertThat(onlyJourney().currentStep()).isEqualTo("where");
  }

  @Test
  void somethingThatIsNotAPostcodeGetsTheErrorAndAnEmptyOneItsOwn() {
    InProcess.Browser b = started();
    assertThat(b.get("/apply/where?find-postcode=hello").bodyText()).contains("Enter a full UK postcode")
        .contains("value=\"hello\"").contains("govuk-input--error");
    assertThat(b.get("/apply/where?find-postcode=").bodyText()).contains("Enter a postcode");
  }

  @Test
  void typingTheAddressIsAlwaysPossibleAndSavesNoUprn() {
    InProcess.Browser b = started();
    String manual = b.get("/apply/where?manual=1&find-postcode=sw1a1aa").bodyText();
    assertThat(manual).contains("name=\"address-line1\"").contains("value=\"SW1A 1AA\"");
    WebResponse typed = b.post("/apply/where", Map.of("address-line1", "1 Garden Row", "address-town", "Anytown",
        "address-postcode", "SW1A 1AA"));
    assertThat(typed.header("Location")).contains("/apply/contact");
    Map<String, Value> parts = ((Value.Fields) onlyJourney().answer("address").orElseThrow().value()).values();
    assertThat(parts).doesNotContainKey("uprn");
    assertThat(b.get("/change/where").bodyText()).as("changing an answer starts from the fields")
        .contains("value=\"1 Garden Row\"");
  }

  @Test
  void aPostcodeWithNoAddressesOrALookupThatIsDownLeadsToTheFieldsWithThePostcodeKept() {
    InProcess.Browser b = started();
    String none = b.get("/apply/where?find-postcode=E1%206AN").bodyText();
    assertThat(none).contains("We could not find an address for E1 6AN.")
        .contains("href=\"/apply/where?manual=1&amp;find-postcode=E1+6AN\"");
    down.set(true);
    WebResponse unavailable = b.get("/apply/where?find-postcode=SW1A1AA");
    assertThat(unavailable.status()).isEqualTo(303);
    assertThat(unavailable.header("Location")).contains("/apply/where?manual=1&find-postcode=SW1A+1AA");
    assertThat(b.get(unavailable.header("Location").orElseThrow()).bodyText())
        .contains("name=\"address-line1\"").contains("value=\"SW1A 1AA\"").doesNotContain("govuk-error-summary");
  }

  @Test
  void inWelshTheFinderSpeaksWelsh() {
    InProcess.Browser b = started();
    b.post("/language", Map.of("to", "cy", "return", "/apply/where"));
    assertThat(b.get("/apply/where").bodyText()).contains("Dod o hyd i gyfeiriad").contains("Rhowch y cyfeiriad â llaw");
    assertThat(b.get("/apply/where?find-postcode=SW1A1AA").bodyText()).contains("Dewiswch gyfeiriad")
        .contains("Ni allaf ddod o hyd i&#39;r cyfeiriad yn y rhestr");
  }
}
