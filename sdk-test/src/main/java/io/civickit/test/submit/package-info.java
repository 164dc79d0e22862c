/**
 * The contract every submission {@link io.civickit.submit.Destination} must meet:
 * {@link io.civickit.test.submit.DestinationContract}, for CivicKit's built-in destinations and a
 * supplier's (a CRM, a case system).
 *
 * <p><b>Start here:</b> extend {@link io.civickit.test.submit.DestinationContract} in a JUnit 5 test class of your destination.
 */
@NullMarked
package io.civickit.test.submit;

import org.jspecify.annotations.NullMarked;
