/**
 * Address lookup: an {@link io.civickit.forms.address.AddressLookup} SPI that finds addresses
 * (with their UPRN) by postcode, an in-memory implementation, and {@link
 * io.civickit.forms.address.PostcodeSearch} for the "find an address" page, where entering the
 * address by hand is always possible.
 *
 * <p><b>Start here:</b> {@link io.civickit.forms.address.PostcodeSearch} over your own {@link io.civickit.forms.address.AddressLookup}.
 */
@NullMarked
package io.civickit.forms.address;

import org.jspecify.annotations.NullMarked;
