package io.civickit.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.Channel;
import io.civickit.core.HandoffReason;
import io.civickit.core.JourneyId;
import io.civickit.core.Reference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class HandoffContextProperties {
  static final HandoffContextSigner SIGNER = HandoffContextSigner.hmacSha256("k1",
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

  static HandoffRequest request(Map<String, String> answers, String detail) {
    return new HandoffRequest(HandoffId.random(), JourneyId.random(), Reference.random(), "garden-waste", "step-1",
        HandoffReason.ASKED_FOR_HELP, detail, answers, Set.of(), 0, Optional.of("seg"), Channel.ONLINE,
        Optional.of(ContactPreference.phone("01632 960001")), Optional.empty(), Instant.parse("2026-11-27T10:00:00Z"));
  }

  @Property(tries = 300)
  void anyContextRoundTripsThroughJsonAndASignature(@ForAll @Size(max = 8) Map<@StringLength(max = 20) String,
      @StringLength(max = 200) String> answers, @ForAll @StringLength(max = 100) String detail) {
    HandoffRequest r = request(answers, detail);
    assertThat(HandoffRequest.fromJson(r.toJson())).isEqualTo(r);
    assertThat(SIGNER.verify(SIGNER.sign(r))).contains(r);
  }

  @Property(tries = 300)
  void changingAnyCharacterOfASignedPayloadBreaksTheSignature(@ForAll @Size(max = 4) Map<@StringLength(max = 10) String,
      @StringLength(max = 40) String> answers, @ForAll int position) {
    HandoffContextSigner.SignedContext signed = SIGNER.sign(request(answers, "d"));
    String p = signed.payload();
    int i = Math.floorMod(position, p.length());
    char changed = p.charAt(i) == 'a' ? 'b' : 'a';
    String tampered = p.substring(0, i) + changed + p.substring(i + 1);
    assertThat(SIGNER.verify(new HandoffContextSigner.SignedContext(tampered, signed.keyId(), signed.signature(), signed.id(),
        signed.expiresAt()))).isEmpty();
  }
}
