/** CivicKit test kit: contract suites for every SPI, and test doubles. */
module io.civickit.test {
  requires transitive io.civickit.core;
  requires transitive io.civickit.notify;
  requires transitive io.civickit.identity;
  requires static org.jspecify;

  requires org.junit.jupiter.api;
  requires org.assertj.core;

  exports io.civickit.test;
}
