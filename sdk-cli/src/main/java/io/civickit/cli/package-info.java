/** CivicKit cli. */
package io.civickit.cli;

