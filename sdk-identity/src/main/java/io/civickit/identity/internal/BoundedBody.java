package io.civickit.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Reads a response body up to a limit: a server (or anyone between) that answers with more is
 * cut off after {@code max + 1} bytes, not read into memory whole.
 */
public final class BoundedBody {
  /** The most a token response may hold: an ID token and an access token are a few kilobytes. */
  public static final int TOKEN_RESPONSE_BYTES = 64 * 1024;
  /** The most a userinfo response may hold: core identity, address, passport and driving licence claims. */
  public static final int USERINFO_BYTES = 256 * 1024;
  /** The most a discovery document, JWKS or DID document may hold. */
  public static final int DOCUMENT_BYTES = 64 * 1024;

  private BoundedBody() {}

  /**
   * The body as UTF-8 text.
   *
   * @param what names the endpoint in the error
   * @throws IOException if the body is longer than {@code max} bytes (declared or read)
   */
  public static String read(HttpResponse<InputStream> response, int max, String what) throws IOException {
    try (InputStream in = response.body()) {
      OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
      if (declared.isPresent() && declared.getAsLong() > max) {
        throw tooLarge(what, max);
      }
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw tooLarge(what, max);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static IOException tooLarge(String what, int max) {
    return new IOException(what + " answered more than " + max + " bytes");
  }
}
