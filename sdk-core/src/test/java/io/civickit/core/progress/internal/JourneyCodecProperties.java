package io.civickit.core.progress.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.Channel;
import io.civickit.core.CivicKitException;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Outcome;
import io.civickit.core.Reference;
import io.civickit.core.UnreadableDataException;
import io.civickit.core.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JourneyCodecProperties {

  @Property(tries = 300)
  void everyJourneyReadsBackEqual(@ForAll("journeys") Journey journey) {
    byte[] bytes = JourneyCodec.encode(journey);
    assertThat(JourneyCodec.decode(bytes, journey.version())).isEqualTo(journey);
  }

  @Property(tries = 200)
  void arbitraryBytesFailWithTheDocumentedException(@ForAll byte[] bytes) {
    try {
      JourneyCodec.decode(bytes, 1);
    } catch (CivicKitException expected) {
      assertThat(expected).isInstanceOf(UnreadableDataException.class).hasMessageStartingWith("a saved journey: ");
    }
  }

  @Example
  void readsTheFormatEarlierVersionsWroteAndSkipsUnknownFields() {
    String id = JourneyId.random(new Random(1)).value();
    String ref = Reference.random(new Random(2)).value();
    String json = "{\"f\":1,\"id\":\"" + id + "\",\"ref\":\"" + ref + "\",\"def\":\"garden\",\"defv\":3,"
        + "\"step\":\"bins\",\"answers\":{\"bins\":{\"v\":{\"t\":\"num\",\"v\":\"2\"},\"d\":\"2\",\"by\":\"CITIZEN\"},"
        + "\"addr\":{\"v\":{\"t\":\"fields\",\"v\":{\"town\":{\"t\":\"text\",\"v\":\"Leeds\"}}},"
        + "\"by\":\"ADVISER\",\"byId\":\"a1\",\"pre\":true}},"
        + "\"drafts\":{\"bins\":{\"bins\":[\"two\"]}},\"history\":[\"start\",\"bins\"],\"status\":\"IN_PROGRESS\","
        + "\"channel\":\"ONLINE\",\"assurance\":\"none\",\"attributes\":{\"age\":{\"t\":\"num\",\"v\":\"80\"}},"
        + "\"failures\":{\"bins\":2},\"future\":{\"nested\":[1,2,{\"x\":null}]},"
        + "\"created\":\"2026-11-01T10:00:00Z\",\"updated\":\"2026-11-01T10:05:00Z\"}";
    Journey j = JourneyCodec.decode(json.getBytes(StandardCharsets.UTF_8), 7);
    assertThat(j.answers().get("bins").value()).isEqualTo(new Value.Decimal(new BigDecimal("2")));
    assertThat(j.answers().get("addr").prefilled()).isTrue();
    assertThat(j.answers().get("addr").suppliedBy()).isEqualTo(Actor.adviser("a1"));
    assertThat(j.drafts()).containsEntry("bins", Map.of("bins", List.of("two")));
    assertThat(j.failures()).containsEntry("bins", 2);
    assertThat(j.version()).isEqualTo(7);
    assertThat(JourneyCodec.decode(JourneyCodec.encode(j), 7)).isEqualTo(j);
  }

  @Example
  void aMissingRequiredFieldIsNamed() {
    assertThatThrownBy(() -> JourneyCodec.decode("{\"f\":1}".getBytes(StandardCharsets.UTF_8), 1))
        .isInstanceOf(CivicKitException.class)
        .hasMessageContaining("\"id\" is missing");
  }

  @Provide
  Arbitrary<Journey> journeys() {
    Arbitrary<String> keys = Arbitraries.strings().alpha().numeric().withChars('_').ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40);
    Arbitrary<Map<String, Answer>> answers = Arbitraries.maps(keys, answers(text)).ofMaxSize(8);
    Arbitrary<Map<String, Map<String, List<String>>>> drafts = Arbitraries.maps(keys,
        Arbitraries.maps(keys, text.list().ofMaxSize(3))).ofMaxSize(3);
    Arbitrary<Map<String, Value>> attrs = Arbitraries.maps(keys, values(text, 2)).ofMaxSize(4);
    Arbitrary<Map<String, Integer>> failures = Arbitraries.maps(keys, Arbitraries.integers().between(0, 99)).ofMaxSize(3);
    Arbitrary<Instant> instants = Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
    Arbitrary<Optional<String>> optionalText = text.optional();
    return Combinators.combine(
            Arbitraries.longs().map(seed -> new Random(seed)),
            answers, drafts, keys.list().ofMaxSize(5), attrs, failures, instants,
            Arbitraries.of(JourneyStatus.class))
        .flatAs((random, a, d, history, at, f, created, status) ->
            Combinators.combine(optionalText, Arbitraries.of(Outcome.class).optional(),
                    Arbitraries.of(Channel.class), optionalText, Arbitraries.longs().between(0, 1000))
                .as((returnTo, outcome, channel, segment, version) -> new Journey(
                    JourneyId.random(random), Reference.random(random), "def", 2, "step", a, d, history,
                    returnTo, status, outcome, channel, segment, "medium", at, f, created,
                    created.plusSeconds(5), version)));
  }

  private Arbitrary<Answer> answers(Arbitrary<String> text) {
    Arbitrary<Actor> actors = Arbitraries.oneOf(Arbitraries.just(Actor.citizen()),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).map(Actor::adviser),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).map(Actor::system));
    return Combinators.combine(values(text, 2), text.optional(), actors, Arbitraries.of(true, false))
        .as(Answer::new);
  }

  private Arbitrary<Value> values(Arbitrary<String> text, int depth) {
    Arbitrary<Value> leaves = Arbitraries.oneOf(
        text.map(Value.Text::new),
        Arbitraries.bigDecimals().between(new BigDecimal("-1000000"), new BigDecimal("1000000"))
            .ofScale(2).map(Value.Decimal::new),
        Arbitraries.of(true, false).map(Value.Bool::new),
        Arbitraries.integers().between(0, 40_000).map(d -> new Value.Date(LocalDate.ofEpochDay(d))));
    if (depth == 0) {
      return leaves;
    }
    Arbitrary<Value> nested = Arbitraries.lazy(() -> values(text, depth - 1));
    return Arbitraries.oneOf(leaves,
        nested.list().ofMaxSize(3).map(Value.Items::new),
        Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5), nested)
            .ofMaxSize(3).map(m -> (Value) new Value.Fields(new LinkedHashMap<>(m))));
  }
}
