/**
 * Test kit for forms: {@link io.civickit.test.forms.AddressLookupContract}, the contract every
 * address lookup (a council's gazetteer, OS Places, a supplier's service) must pass.
 *
 * <p><b>Start here:</b> extend {@link io.civickit.test.forms.AddressLookupContract} in a JUnit 5 test class of your lookup.
 */
@NullMarked
package io.civickit.test.forms;

import org.jspecify.annotations.NullMarked;
