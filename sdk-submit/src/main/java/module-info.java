/** CivicKit submit: the submission document, its JSON, CSV and PDF renderings, delivery to the back office. */
module io.civickit.submit {
  requires transitive io.civickit.core;
  requires transitive io.civickit.forms;
  requires transitive io.civickit.notify;
  requires static org.jspecify;
  requires static jakarta.mail;
  requires static org.eclipse.angus.mail;
  requires static com.rabbitmq.client;
  requires static micrometer.core;
  requires openhtmltopdf.pdfbox;
  requires openhtmltopdf.core;
  requires org.apache.pdfbox;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires java.net.http;
  requires owasp.encoder;

  exports io.civickit.submit;
  exports io.civickit.submit.micrometer;
}
