package io.civickit.notify.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.civickit.notify.Recipient;
import io.civickit.notify.internal.channel.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The streaming readers give back what was written, as the data-binding form did. */
class CodecProperties {

  @Property
  void recipientsRoundTrip(@ForAll String address, @ForAll String phone, @ForAll @Size(min = 3, max = 7) List<String> raw) {
    List<String> lines = raw.stream().map(l -> "Line " + l).toList();
    List<Recipient> in = List.of(new Recipient.Email(address + "@example.org"), new Recipient.Sms("07700 900" + phone.length()),
        new Recipient.Letter(lines));
    assertThat(Codec.recipients(Codec.recipients(in))).isEqualTo(in);
  }

  @Property
  void personalisationMatchesDataBinding(@ForAll Map<String, String> strings, @ForAll Map<String, Long> numbers,
      @ForAll Map<String, Double> doubles, @ForAll List<String> list) throws Exception {
    Map<String, Object> in = new LinkedHashMap<>(strings);
    in.putAll(numbers);
    in.putAll(doubles);
    in.put("list", new ArrayList<>(list));
    in.put("nested", Map.of("a", List.of(1, "b", true)));
    String json = Codec.personalisation(in);
    Map<String, Object> reference = Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    assertThat(Codec.personalisation(json)).isEqualTo(reference);
    assertThat(List.copyOf(Codec.personalisation(json).keySet())).isEqualTo(List.copyOf(reference.keySet()));
  }

  @Test
  void nullValuesAreDropped() {
    assertThat(Codec.personalisation("{\"a\":null,\"b\":1,\"c\":\"x\"}")).containsExactly(Map.entry("b", 1), Map.entry("c", "x"));
  }
}
