/**
 * CivicKit web: the journey runner. Serves a journey made from a form (its pages, check your
 * answers, the email check, save and return, get help, the English/Cymraeg switch, a GOV.UK Pay payment step) and the
 * agent console, with sessions, CSRF and security headers, in GOV.UK Frontend page chrome,
 * through a small framework-neutral port that each adapter (servlet, Javalin) implements.
 */
module io.civickit.web {
  requires transitive io.civickit.core;
  requires transitive io.civickit.forms;
  requires transitive io.civickit.notify;
  requires transitive io.civickit.identity;
  requires transitive io.civickit.submit;
  requires transitive io.civickit.pay;
  requires transitive io.civickit.files;
  requires transitive java.sql;
  requires static org.jspecify;
  requires org.slf4j;
  requires com.zaxxer.hikari;
  requires owasp.encoder;
  requires org.apache.commons.codec;
  requires org.apache.commons.fileupload2.core;

  exports io.civickit.web;
}
