package io.civickit.identity.onelogin;

/** Why a sign-in, a core identity or a logout token was refused. */
public enum RejectionReason {
  /** The {@code state} returned does not match the one sent: possibly a forged callback. */
  STATE_MISMATCH,
  /** One Login answered the authorisation request with an error ({@code access_denied}, {@code login_required}...). */
  AUTHORIZATION_ERROR,
  /** The token endpoint refused the code or the client assertion. */
  TOKEN_ERROR,
  /** The token is not a signed JWT (including {@code alg: none}), or is missing a required claim. */
  MALFORMED_TOKEN,
  /** The token is signed with an algorithm other than the one expected. */
  UNEXPECTED_ALGORITHM,
  /** The token's key id is not in the published keys, even after fetching them again. */
  UNKNOWN_KEY,
  /** The signature does not verify with the published key. */
  BAD_SIGNATURE,
  /** {@code iss} is not the expected issuer. */
  WRONG_ISSUER,
  /** {@code aud} does not contain this service's client id, or {@code azp} names another client. */
  WRONG_AUDIENCE,
  /** {@code exp} has passed (allowing the configured clock skew). */
  EXPIRED,
  /** {@code iat} is in the future (allowing the configured clock skew). */
  ISSUED_IN_FUTURE,
  /** {@code nonce} does not match the one sent. */
  NONCE_MISMATCH,
  /** {@code vot} is lower than the level asked for. */
  LEVEL_TOO_LOW,
  /** An identity was asked for but none came back: One Login could not prove it. */
  IDENTITY_MISSING,
  /** The core identity JWT is for a different subject than the ID token. */
  SUBJECT_MISMATCH,
  /** The core identity's {@code vot} is not {@code P2}, or its credential cannot be read. */
  IDENTITY_INVALID,
  /** The ID token's {@code at_hash} does not match the access token it came with. */
  ACCESS_TOKEN_MISMATCH,
  /** The userinfo endpoint refused the access token. */
  USERINFO_ERROR,
  /** A logout token's {@code jti} has been seen before. */
  REPLAYED,
  /** The sign-in was started longer ago than the pending-login lifetime allows: start again. */
  LOGIN_EXPIRED
}
