/** CivicKit notify: Notify-compatible templates, notification channels and the durable outbox. */
module io.civickit.notify {
  requires transitive io.civickit.core;
  requires static org.jspecify;
  requires static jakarta.mail;
  requires static org.eclipse.angus.mail;
  requires com.nimbusds.jose.jwt;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires java.net.http;
  requires owasp.encoder;

  exports io.civickit.notify;
  exports io.civickit.notify.channel;
  exports io.civickit.notify.handoff;
  exports io.civickit.notify.outbox;
  exports io.civickit.notify.template;
  // The SMTP plumbing shared with sdk-submit's team-email destination; not API.
  exports io.civickit.notify.internal.mail to io.civickit.submit;
  // The setting checks the channel and destination builders share; not API.
  exports io.civickit.notify.internal.settings to io.civickit.submit;
  exports io.civickit.notify.internal.http to io.civickit.submit;
}
