package io.civickit.core.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class KeyRingProperties {

  private static final KeyRing RING = KeyRing.generate("k1");

  @Property(tries = 500)
  void encryptionRoundTrips(@ForAll byte[] plaintext, @ForAll String journey) {
    byte[] aad = journey.getBytes(StandardCharsets.UTF_8);
    assertThat(RING.decrypt(RING.encrypt(plaintext, aad), aad)).isEqualTo(plaintext);
  }

  @Property(tries = 500)
  void anyFlippedBitIsDetectedNeverReturnedAsGarbage(@ForAll byte[] plaintext, @ForAll @IntRange(min = 0) int where,
      @ForAll @IntRange(min = 0, max = 7) int bit) {
    byte[] aad = "journey-a".getBytes(StandardCharsets.US_ASCII);
    byte[] sealed = RING.encrypt(plaintext, aad);
    int i = where % sealed.length;
    sealed[i] ^= (byte) (1 << bit);
    assertThatThrownBy(() -> RING.decrypt(sealed, aad)).isInstanceOf(ProgressDecryptionException.class);
  }

  @Property(tries = 200)
  void ciphertextOfOneJourneyDoesNotDecryptAsAnother(@ForAll byte[] plaintext) {
    byte[] sealed = RING.encrypt(plaintext, "journey-a".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> RING.decrypt(sealed, "journey-b".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(ProgressDecryptionException.class)
        .hasMessageContaining("belongs to another journey");
  }

  @Test
  void rotatedRingsReadOldDataAndWriteWithTheNewKey() {
    byte[] aad = {1, 2, 3};
    byte[] old = RING.encrypt("draft".getBytes(StandardCharsets.UTF_8), aad);
    KeyRing rotated = RING.rotateTo("k2", new byte[32]);
    assertThat(rotated.activeKeyId()).isEqualTo("k2");
    assertThat(new String(rotated.decrypt(old, aad), StandardCharsets.UTF_8)).isEqualTo("draft");
    KeyRing reparsed = KeyRing.parse(rotated.format());
    assertThat(reparsed.keyIds()).containsExactly("k2", "k1");
    byte[] fresh = reparsed.encrypt(new byte[] {9}, aad);
    assertThatThrownBy(() -> RING.decrypt(fresh, aad))
        .isInstanceOf(ProgressDecryptionException.class)
        .hasMessageContaining("key \"k2\", which is not in the key ring [k1]");
  }

  @Test
  void badKeyRingsSayWhatIsWrongWithoutPrintingKeys() {
    assertThatThrownBy(() -> KeyRing.of("k", Map.of("k", new byte[16])))
        .hasMessage("key \"k\" must be 32 bytes (AES-256), but was 16");
    assertThatThrownBy(() -> KeyRing.parse("k1:not base64!"))
        .hasMessage("key \"k1\" in the key ring is not base64");
    assertThat(RING.toString()).isEqualTo("KeyRing[active=k1, keys=[k1]]");
  }
}
