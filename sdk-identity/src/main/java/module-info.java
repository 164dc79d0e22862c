/** CivicKit identity: assurance levels, passcodes, record matching, TOTP and GOV.UK One Login. */
module io.civickit.identity {
  requires transitive io.civickit.core;
  requires transitive io.civickit.notify;
  requires static org.jspecify;

  exports io.civickit.identity;
}
