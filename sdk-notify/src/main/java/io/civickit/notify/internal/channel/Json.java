package io.civickit.notify.internal.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.civickit.core.Failures;
import io.civickit.core.UnreadableDataException;

/** The one JSON mapper the notify implementation uses. */
public final class Json {
  private Json() {}

  public static final ObjectMapper MAPPER = new ObjectMapper();

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** As {@link #write}, straight to UTF-8 bytes. */
  public static byte[] writeBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UnreadableDataException("a JSON document", "it is not valid JSON (" + Failures.describe(e) + ")", Failures.redacted(e));
    }
  }
}
