/** CivicKit test kit: contract suites for every SPI, and test doubles. */
module io.civickit.test {
  requires transitive io.civickit.core;
  requires transitive io.civickit.notify;
  requires transitive io.civickit.identity;
  requires transitive io.civickit.forms;
  requires static io.civickit.web;
  requires static com.h2database;
  requires static java.naming;
  requires static org.jspecify;

  requires org.junit.jupiter.api;
  requires org.assertj.core;
  requires jdk.httpserver;
  requires com.fasterxml.jackson.databind;
  requires mock.oauth2.server;
  requires okhttp3;
  requires okhttp3.mockwebserver;
  requires okio;
  requires com.nimbusds.jose.jwt;
  requires java.net.http;

  exports io.civickit.test;
  exports io.civickit.test.forms;
  exports io.civickit.test.handoff;
  exports io.civickit.test.identity;
  exports io.civickit.test.notify;
  exports io.civickit.test.onelogin;
  exports io.civickit.test.web;
}
