/** CivicKit forms: question pages as data, GOV.UK validation in English and Welsh, HTML. */
module io.civickit.forms {
  requires transitive io.civickit.core;
  requires static org.jspecify;

  exports io.civickit.forms;
}
