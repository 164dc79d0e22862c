package io.civickit.notify.internal.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.civickit.core.Failures;
import io.civickit.core.UnreadableDataException;
import io.civickit.notify.Recipient;
import io.civickit.notify.internal.channel.Json;
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

  static List<Recipient> recipients(String json) {
    List<Recipient> out = new ArrayList<>();
    for (JsonNode n : Json.read(json)) {
      String type = n.path("type").asText();
      switch (type) {
        case "email" -> out.add(new Recipient.Email(n.path("address").asText()));
        case "sms" -> out.add(new Recipient.Sms(n.path("phone_number").asText()));
        case "letter" -> {
          List<String> lines = new ArrayList<>();
          n.path("address_lines").forEach(l -> lines.add(l.asText()));
          out.add(new Recipient.Letter(lines));
        }
        default -> throw new UnreadableDataException("an outbox message", "unknown recipient type \"" + type + "\"");
      }
    }
    return out;
  }

  static String personalisation(Map<String, Object> values) {
    return Json.write(values);
  }

  static Map<String, Object> personalisation(String json) {
    try {
      Map<String, Object> raw = Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
      Map<String, Object> out = new LinkedHashMap<>();
      raw.forEach((k, v) -> {
        if (v != null) {
          out.put(k, v);
        }
      });
      return out;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UnreadableDataException("an outbox message", "its personalisation is not JSON", Failures.redacted(e));
    }
  }
}
