/**
 * CivicKit identity: assurance levels, one-time passcodes, council record matching, TOTP for
 * staff, and a GOV.UK One Login relying party.
 */
module io.civickit.identity {
  requires transitive io.civickit.core;
  requires transitive io.civickit.notify;
  requires transitive java.sql;
  requires static org.jspecify;
  requires org.slf4j;
  requires transitive com.nimbusds.jose.jwt;
  requires oauth2.oidc.sdk;
  requires org.apache.commons.text;
  requires org.apache.commons.codec;
  requires java.net.http;

  exports io.civickit.identity;
  exports io.civickit.identity.passcode;
  exports io.civickit.identity.matching;
  exports io.civickit.identity.totp;
  exports io.civickit.identity.onelogin;
  exports io.civickit.identity.step;
}
