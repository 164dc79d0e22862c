package io.civickit.test.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.civickit.forms.address.Address;
import io.civickit.forms.address.AddressLookup;
import io.civickit.forms.address.PostcodeSearch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AddressLookup} must meet: a council's gazetteer, OS Places, a
 * supplier's service, and the in-memory lookup CivicKit ships. Extend it in your tests and give
 * a lookup over a source holding exactly the addresses asked for:
 *
 * <pre>{@code
 * class MyGazetteerTest extends AddressLookupContract {
 *   @Override protected AddressLookup lookupHolding(List<Address> addresses) {
 *     fakeGazetteer.replaceAll(addresses);
 *     return new MyGazetteerLookup(fakeGazetteer.url());
 *   }
 *   @Override protected Optional<AddressLookup> unreachableLookup() {
 *     return Optional.of(new MyGazetteerLookup(URI.create("http://127.0.0.1:1")));
 *   }
 * }
 * }</pre>
 *
 * <p>What it checks: asked with a normalised postcode, the lookup returns every address held
 * there and none from anywhere else, with its UPRN, lines and town as held; an unknown postcode
 * is an empty list, not null or an exception; behind {@link PostcodeSearch} a postcode typed in
 * any spelling finds them; and a service that cannot be reached throws an unchecked exception
 * promptly, which {@link PostcodeSearch} turns into {@link PostcodeSearch.Unavailable}.
 */
public abstract class AddressLookupContract {

  /** A lookup over a source holding exactly these addresses and no others. */
  protected abstract AddressLookup lookupHolding(List<Address> addresses);

  /** The same lookup pointed at a service that cannot be reached, if the test can make one. */
  protected Optional<AddressLookup> unreachableLookup() {
    return Optional.empty();
  }

  /** Five addresses at CF10 1AA, one at the neighbouring CF10 1AB and one in London. */
  protected List<Address> addresses() {
    return List.of(
        new Address("10001", List.of("1 Heol y Frenhines"), "Caerdydd", "CF10 1AA"),
        new Address("10002", List.of("2 Heol y Frenhines"), "Caerdydd", "CF10 1AA"),
        new Address("10003", List.of("Flat 1", "10 Heol y Frenhines"), "Caerdydd", "CF10 1AA"),
        new Address("10004", List.of("Flat 2", "10 Heol y Frenhines"), "Caerdydd", "CF10 1AA"),
        new Address("10005", List.of("Tŷ'r Ysgol, 12 Heol y Frenhines"), "Caerdydd", "CF10 1AA"),
        new Address("10006", List.of("1 Stryd y Castell"), "Caerdydd", "CF10 1AB"),
        new Address("200000000001", List.of("10 Downing Street"), "London", "SW1A 2AA"));
  }

  @Test
  void everyAddressAtAPostcodeIsFoundAsHeld() {
    AddressLookup lookup = lookupHolding(addresses());
    assertThat(lookup.find("CF10 1AA")).containsExactlyInAnyOrderElementsOf(
        addresses().stream().filter(a -> a.postcode().equals("CF10 1AA")).toList());
    assertThat(lookup.find("SW1A 2AA")).containsExactly(addresses().get(6));
  }

  @Test
  void noAddressFromAnotherPostcodeIsReturned() {
    AddressLookup lookup = lookupHolding(addresses());
    for (String postcode : List.of("CF10 1AA", "CF10 1AB", "SW1A 2AA")) {
      assertThat(lookup.find(postcode)).as("the addresses at %s", postcode).isNotEmpty()
          .allSatisfy(a -> assertThat(a.postcode()).isEqualTo(postcode));
    }
  }

  @Test
  void anUnknownPostcodeIsAnEmptyListNotNullOrAnException() {
    AddressLookup lookup = lookupHolding(addresses());
    for (String postcode : List.of("ZE3 9JZ", "CF10 1AZ", "CF1 1AA", "BT1 1AA")) {
      assertThatCode(() -> assertThat(lookup.find(postcode)).as("the addresses at %s", postcode).isNotNull()
          .isEmpty()).doesNotThrowAnyException();
    }
  }

  @Test
  void theSameAddressesComeBackInTheSameOrderEachTime() {
    AddressLookup lookup = lookupHolding(addresses());
    assertThat(lookup.find("CF10 1AA")).isEqualTo(lookup.find("CF10 1AA"));
  }

  @Test
  void behindThePostcodeSearchAPostcodeTypedInAnySpellingFindsThem() {
    AddressLookup lookup = lookupHolding(addresses());
    for (String typed : List.of("cf10 1aa", "CF101AA", " cf10-1AA ")) {
      assertThat(PostcodeSearch.run(lookup, typed)).as("searching for %s", typed)
          .isInstanceOfSatisfying(PostcodeSearch.Found.class, f -> assertThat(f.addresses()).hasSize(5));
    }
    assertThat(PostcodeSearch.run(lookup, "ZE3 9JZ")).isInstanceOf(PostcodeSearch.NoneFound.class);
  }

  @Test
  void anUnreachableServiceThrowsPromptlyAndTheSearchIsUnavailable() {
    Optional<AddressLookup> unreachable = unreachableLookup();
    assumeThat(unreachable).as("the test can make an unreachable lookup").isPresent();
    Instant start = Instant.now();
    assertThatThrownBy(() -> unreachable.get().find("CF10 1AA")).isInstanceOf(RuntimeException.class);
    assertThat(Duration.between(start, Instant.now())).as("a person is waiting").isLessThan(Duration.ofSeconds(10));
    assertThat(PostcodeSearch.run(unreachable.get(), "CF10 1AA")).isInstanceOf(PostcodeSearch.Unavailable.class);
  }
}
