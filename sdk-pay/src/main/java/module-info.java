/**
 * CivicKit payments: a GOV.UK Pay client, fees worked out from answers, and a payment step that
 * takes a payment once, however often the person clicks, closes the browser or comes back.
 */
module io.civickit.pay {
  requires transitive io.civickit.core;
  requires transitive java.net.http;
  requires transitive java.sql;
  requires static org.jspecify;
  requires org.slf4j;
  requires com.fasterxml.jackson.databind;

  exports io.civickit.pay;
  exports io.civickit.pay.fee;
  exports io.civickit.pay.step;
}
