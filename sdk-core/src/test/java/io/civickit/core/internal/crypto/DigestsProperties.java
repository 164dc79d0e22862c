package io.civickit.core.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** {@link Digests} against the JDK's own providers and published test vectors. */
class DigestsProperties {

  @Property(tries = 500)
  void sha256IsTheJdksSha256(@ForAll @Size(max = 300) byte[] data) throws Exception {
    byte[] jdk = MessageDigest.getInstance("SHA-256").digest(data);
    assertThat(Digests.sha256(data)).isEqualTo(jdk);
  }

  @Property(tries = 500)
  void sha256OfTextIsOfItsUtf8Bytes(@ForAll String text) throws Exception {
    byte[] jdk = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    assertThat(Digests.sha256(text)).isEqualTo(jdk);
    assertThat(Digests.sha256Hex(text)).isEqualTo(HexFormat.of().formatHex(jdk)).hasSize(64).matches("[0-9a-f]+");
  }

  @Property(tries = 200)
  void aDigestFedInPartsIsTheDigestOfTheWhole(@ForAll @Size(max = 300) byte[] data, @ForAll @IntRange(max = 300) int cut) {
    int at = Math.min(cut, data.length);
    MessageDigest d = Digests.newSha256();
    d.update(data, 0, at);
    d.update(data, at, data.length - at);
    assertThat(d.digest()).isEqualTo(Digests.sha256(data));
  }

  @Property(tries = 500)
  void hmacIsTheJdksHmac(@ForAll @Size(min = 1, max = 100) byte[] key, @ForAll @Size(max = 300) byte[] data)
      throws Exception {
    Mac jdk = Mac.getInstance("HmacSHA256");
    jdk.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] expected = jdk.doFinal(data);
    assertThat(Digests.hmacSha256(key, data)).isEqualTo(expected);
    assertThat(Digests.hmacSha256(new SecretKeySpec(key, "HmacSHA256")).doFinal(data)).isEqualTo(expected);
  }

  @Property(tries = 1000)
  void equalAgreesWithArraysEquals(@ForAll @Size(max = 40) byte[] a, @ForAll @Size(max = 40) byte[] b) {
    assertThat(Digests.equal(a, b)).isEqualTo(Arrays.equals(a, b));
    assertThat(Digests.equal(a, a.clone())).isTrue();
  }

  @Property(tries = 1000)
  void equalOnTextAgreesWithStringEquals(@ForAll String a, @ForAll String b) {
    assertThat(Digests.equal(a, b)).isEqualTo(a.equals(b));
    assertThat(Digests.equal(a, new String(a))).isTrue();
  }

  @Property(tries = 500)
  void oneFlippedBitIsNeverEqual(@ForAll @Size(min = 1, max = 64) byte[] a, @ForAll @IntRange(max = 511) int bit) {
    byte[] b = a.clone();
    int i = (bit / 8) % a.length;
    b[i] ^= (byte) (1 << (bit % 8));
    assertThat(Digests.equal(a, b)).isFalse();
  }

  @Example
  void knownAnswers() {
    // FIPS 180-2 "abc"; RFC 4231 test case 2.
    assertThat(Digests.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(HexFormat.of().formatHex(Digests.hmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII),
        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Example
  void aMissingAlgorithmNamesItAndWhatToDo() {
    var e = Digests.missingAlgorithm("SHA-256", new java.security.NoSuchAlgorithmException("x"));
    assertThat(e.setting()).isEqualTo("the JVM's security providers");
    assertThat(e).hasMessage("the JVM's security providers have no SHA-256: run on a JDK whose providers include it"
        + " (every standard JDK 17 does)");
  }

  @Example
  void anEmptyKeyIsRefused() {
    assertThatThrownBy(() -> Digests.hmacSha256(new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }
}
