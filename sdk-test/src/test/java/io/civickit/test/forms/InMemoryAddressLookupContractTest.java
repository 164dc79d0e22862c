package io.civickit.test.forms;

import io.civickit.forms.address.Address;
import io.civickit.forms.address.AddressLookup;
import java.util.List;
import java.util.Optional;

/** sdk-forms' in-memory lookup through the contract. */
class InMemoryAddressLookupContractTest extends AddressLookupContract {
  @Override
  protected AddressLookup lookupHolding(List<Address> addresses) {
    return AddressLookup.inMemory(addresses);
  }

  @Override
  protected Optional<AddressLookup> unreachableLookup() {
    // What a gazetteer client does when the service is down: an unchecked exception.
    return Optional.of(postcode -> {
      throw new IllegalStateException("the gazetteer could not be reached");
    });
  }
}
