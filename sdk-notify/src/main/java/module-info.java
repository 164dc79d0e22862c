/** CivicKit notify: Notify-compatible templates, notification channels and the durable outbox. */
module io.civickit.notify {
  requires transitive io.civickit.core;
  requires static org.jspecify;

  exports io.civickit.notify;
}
