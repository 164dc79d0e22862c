/**
 * CivicKit files: file upload end to end. Files are checked (real type from the bytes, size,
 * image dimensions, password-protected PDFs), stored encrypted and tied to the journey, scanned
 * for viruses by ClamAV, and rendered with GOV.UK Frontend's file upload markup.
 */
module io.civickit.files {
  requires transitive io.civickit.core;
  requires transitive io.civickit.forms;
  requires static org.jspecify;
  requires org.slf4j;
  requires owasp.encoder;
  requires org.apache.tika.core;
  requires java.desktop;

  exports io.civickit.files;
  exports io.civickit.files.html;
}
