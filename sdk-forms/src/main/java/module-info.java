/** CivicKit forms: question pages as data, GOV.UK validation in English and Welsh, HTML. */
module io.civickit.forms {
  requires transitive io.civickit.core;
  requires static org.jspecify;
  requires com.fasterxml.jackson.databind;
  requires owasp.encoder;
  requires org.commonmark;
  requires com.google.i18n.phonenumbers.libphonenumber;

  exports io.civickit.forms;
  exports io.civickit.forms.validation;
  exports io.civickit.forms.html;
  exports io.civickit.forms.lint;
  exports io.civickit.forms.address;
}
