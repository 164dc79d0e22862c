package io.civickit.identity.totp;

/** The HMAC functions RFC 6238 allows. SHA-1 is what most authenticator apps support. */
public enum TotpAlgorithm {
  /** HMAC-SHA-1, with a 20-byte secret. */
  SHA1("HmacSHA1", "SHA1", 20),
  /** HMAC-SHA-256, with a 32-byte secret. */
  SHA256("HmacSHA256", "SHA256", 32),
  /** HMAC-SHA-512, with a 64-byte secret. */
  SHA512("HmacSHA512", "SHA512", 64);

  private final String jcaName;
  private final String uriName;
  private final int secretBytes;

  TotpAlgorithm(String jcaName, String uriName, int secretBytes) {
    this.jcaName = jcaName;
    this.uriName = uriName;
    this.secretBytes = secretBytes;
  }

  /** The JCA MAC name, for example {@code HmacSHA256}. */
  public String jcaName() {
    return jcaName;
  }

  /** The name in an {@code otpauth://} URI, for example {@code SHA256}. */
  public String uriName() {
    return uriName;
  }

  /** The secret length RFC 6238 uses with this function, in bytes. */
  public int secretBytes() {
    return secretBytes;
  }
}
