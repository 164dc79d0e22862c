package io.civickit.forms.address;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds the addresses at a postcode: the SPI a council's address gazetteer, OS Places or a
 * supplier's service implements. Implementations should be quick (a person is waiting) and
 * may cache. Throw any unchecked exception when the service cannot be reached:
 * {@link PostcodeSearch} turns it into {@link PostcodeSearch.Unavailable} and the person enters
 * their address by hand.
 *
 * <p>The contract suite {@code io.civickit.test.forms.AddressLookupContract} in sdk-test checks
 * an implementation.
 */
public interface AddressLookup {

  /**
   * The addresses at a postcode.
   *
   * @param postcode a normalised postcode, such as {@code CF10 1AA}
   * @return every address held at that postcode and none from elsewhere, in the order to show
   *     them (the same order each time); an empty list, not null, when there are none
   */
  List<Address> find(String postcode);

  /**
   * An in-memory lookup over a fixed list, for tests and small services. Addresses at a postcode
   * are returned in the order given.
   *
   * @param addresses the addresses
   * @return the lookup
   */
  static AddressLookup inMemory(Collection<Address> addresses) {
    Map<String, List<Address>> byPostcode = addresses.stream()
        .collect(Collectors.groupingBy(Address::postcode, Collectors.toCollection(ArrayList::new)));
    byPostcode.replaceAll((k, v) -> List.copyOf(v));
    Map<String, List<Address>> index = Map.copyOf(byPostcode);
    return postcode -> index.getOrDefault(postcode, List.of());
  }

  /**
   * Orders addresses as people expect: by street, then house number as a number ("2" before
   * "10"), then the rest.
   *
   * @return the comparator
   */
  static Comparator<Address> naturalOrder() {
    return Comparator.comparing((Address a) -> street(a.lines().get(a.lines().size() - 1)))
        .thenComparingLong(a -> number(a.lines().get(0)))
        .thenComparing(a -> a.lines().get(0));
  }

  private static String street(String line) {
    return line.replaceFirst("^[0-9]+[A-Za-z]?\\s+", "");
  }

  private static long number(String line) {
    var m = java.util.regex.Pattern.compile("^([0-9]{1,9})").matcher(line);
    return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
  }
}
