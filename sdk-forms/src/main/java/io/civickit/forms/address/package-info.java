/**
 * Address lookup: an {@link io.civickit.forms.address.AddressLookup} SPI that finds addresses
 * (with their UPRN) by postcode, an in-memory implementation, and {@link
 * io.civickit.forms.address.PostcodeSearch} for the "find an address" page, where entering the
 * address by hand is always possible.
 */
@NullMarked
package io.civickit.forms.address;

import org.jspecify.annotations.NullMarked;
