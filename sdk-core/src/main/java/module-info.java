/**
 * CivicKit core: journeys, steps and routing, the condition language, saved progress and
 * resume, journey events, channel handoff, segments, nudges and KPIs.
 */
module io.civickit.core {
  requires transitive java.sql;
  requires org.slf4j;
  requires java.net.http;
  requires com.fasterxml.jackson.databind;
  requires com.github.benmanes.caffeine;
  requires static org.jspecify;
  requires static micrometer.core;

  exports io.civickit.core;
  exports io.civickit.core.condition;
  exports io.civickit.core.event;
  exports io.civickit.core.handoff;
  exports io.civickit.core.kpi;
  exports io.civickit.core.kpi.micrometer;
  exports io.civickit.core.progress;
  exports io.civickit.core.segment;

  // Internal: for CivicKit's own modules only, never part of the API.
  exports io.civickit.core.internal.crypto to io.civickit.notify, io.civickit.identity, io.civickit.pay,
      io.civickit.files, io.civickit.submit, io.civickit.web;
  exports io.civickit.core.internal.jdbc to io.civickit.cli, io.civickit.web;
}
