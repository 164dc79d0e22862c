/** CivicKit test kit: contract suites for every SPI, and test doubles. */
module io.civickit.test {
  requires transitive io.civickit.core;
  requires transitive io.civickit.notify;
  requires transitive io.civickit.identity;
  requires static org.jspecify;

  exports io.civickit.test;
}
