package io.civickit.notify.internal.outbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.civickit.core.Failures;
import io.civickit.core.UnreadableDataException;
import io.civickit.notify.Recipient;
import io.civickit.notify.internal.channel.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recipients and personalisation to and from the JSON stored in the outbox table. */
final class Codec {
  private Codec() {}

  static String recipients(List<Recipient> recipients) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Recipient r : recipients) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (r instanceof Recipient.Email e) {
        m.put("type", "email");
        m.put("address", e.address());
      } else if (r instanceof Recipient.Sms s) {
        m.put("type", "sms");
        m.put("phone_number", s.phoneNumber());
      } else {
        m.put("type", "letter");
        m.put("address_lines", ((Recipient.Letter) r).addressLines());
      }
      out.add(m);
    }
    return Json.write(out);
  }

  /** Reads what {@link #recipients(List)} wrote, token by token (no tree). */
  static List<Recipient> recipients(String json) {
    List<Recipient> out = new ArrayList<>(2);
    try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new UnreadableDataException("an outbox message", "its recipients are not a JSON array");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String type = "";
        String value = "";
        List<String> lines = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken t = p.nextToken();
          switch (field) {
            case "type" -> type = text(p, t);
            case "address", "phone_number" -> value = text(p, t);
            case "address_lines" -> {
              if (t == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                  lines.add(text(p, p.currentToken()));
                }
              } else {
                p.skipChildren();
              }
            }
            default -> p.skipChildren();
          }
        }
        switch (type) {
          case "email" -> out.add(new Recipient.Email(value));
          case "sms" -> out.add(new Recipient.Sms(value));
          case "letter" -> out.add(new Recipient.Letter(lines));
          default -> throw new UnreadableDataException("an outbox message", "unknown recipient type \"" + type + "\"");
        }
      }
    } catch (IOException e) {
      throw new UnreadableDataException("a JSON document", "it is not valid JSON (" + Failures.describe(e) + ")", Failures.redacted(e));
    }
    return out;
  }

  /** A scalar as {@code JsonNode.asText()} gives it; containers are skipped and read as "". */
  private static String text(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      p.skipChildren();
      return "";
    }
    return p.getText();
  }

  static String personalisation(Map<String, Object> values) {
    return Json.write(values);
  }

  /**
   * Reads what {@link #personalisation(Map)} wrote, dropping null values, into one map: each
   * value is bound as {@code Object} would be (strings read directly).
   */
  static Map<String, Object> personalisation(String json) {
    Map<String, Object> out = new LinkedHashMap<>();
    try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new UnreadableDataException("an outbox message", "its personalisation is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
          out.remove(key);
        } else if (t == JsonToken.VALUE_STRING) {
          out.put(key, p.getText());
        } else {
          out.put(key, Json.MAPPER.readValue(p, Object.class));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UnreadableDataException("an outbox message", "its personalisation is not JSON", Failures.redacted(e));
    }
  }
}
