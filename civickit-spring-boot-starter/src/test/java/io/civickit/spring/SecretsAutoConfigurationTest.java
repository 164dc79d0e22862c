package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.progress.KeyRing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;

class SecretsAutoConfigurationTest {

  @Test
  void keyRingAndServerKeyComeFromProperties() {
    byte[] server = "0123456789abcdef0123456789abcdef!".getBytes(StandardCharsets.US_ASCII);
    Contexts.bare()
        .withPropertyValues("civickit.keys=" + Contexts.KEYS,
            "civickit.server-key=" + Base64.getEncoder().encodeToString(server))
        .run(ctx -> {
          assertThat(ctx.getBean(KeyRing.class).format()).isEqualTo(Contexts.KEYS);
          assertThat(ctx.getBean(ServerKey.class).bytes()).isEqualTo(server);
        });
  }

  @Test
  void missingKeyRingOutsideDevStopsTheStartSayingWhatToSet() {
    Contexts.bare().withPropertyValues("civickit.server-key=" + Contexts.SERVER_KEY).run(ctx -> {
      assertThat(ctx).hasFailed();
      FailureAnalysis a = Contexts.analysis(ctx.getStartupFailure());
      assertThat(a.getDescription()).isEqualTo("CivicKit has no key ring to encrypt saved answers and queued "
          + "notifications: civickit.keys is not set.");
      assertThat(a.getAction()).isEqualTo("Set civickit.keys (or the environment variable CIVICKIT_KEYS) to a key "
          + "ring such as k1:<32 random bytes in base64> (KeyRing.generate(\"k1\").format() writes one). Every "
          + "instance sharing the database needs the same value. For a trial on your own machine, run with the dev "
          + "profile (spring.profiles.active=dev) and CivicKit generates one for the run.");
    });
  }

  @Test
  void missingServerKeyOutsideDevStopsTheStartSayingWhatToSet() {
    Contexts.bare().withPropertyValues("civickit.keys=" + Contexts.KEYS).run(ctx -> {
      FailureAnalysis a = Contexts.analysis(ctx.getStartupFailure());
      assertThat(a.getDescription()).isEqualTo("CivicKit has no server key to protect one-time passcodes and "
          + "handoff links: civickit.server-key is not set.");
      assertThat(a.getAction()).startsWith("Set civickit.server-key (or the environment variable CIVICKIT_SERVERKEY)"
          + " to at least 32 random bytes in base64 (openssl rand -base64 32 writes one).");
    });
  }

  @Test
  void inTheDevProfileMissingSecretsAreGeneratedWithAWarningThatHoldsNoKey() {
    // slf4j-simple writes to whatever System.err is at the time.
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream err = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Contexts.bare().withPropertyValues("spring.profiles.active=dev").run(ctx -> {
      assertThat(ctx).hasNotFailed();
      KeyRing ring = ctx.getBean(KeyRing.class);
      assertThat(ring.activeKeyId()).isEqualTo("dev");
      assertThat(ctx.getBean(ServerKey.class).bytes()).hasSize(32);
      String output = captured.toString(StandardCharsets.UTF_8);
      assertThat(output)
          .contains("WARN io.civickit.spring.CivicKitSecretsAutoConfiguration - civickit.keys is not set: generated a "
              + "key ring for this run (dev profile)")
          .contains("civickit.server-key is not set: generated a server key for this run (dev profile)")
          .doesNotContain(ring.format().substring(4))
          .doesNotContain(Base64.getEncoder().encodeToString(ctx.getBean(ServerKey.class).bytes()));
      });
    } finally {
      System.setErr(err);
    }
  }

  @Test
  void aMalformedKeyRingIsRefusedNamingTheProblemButNotTheKey() {
    Contexts.bare().withPropertyValues("civickit.keys=k1:not-base64!", "civickit.server-key=" + Contexts.SERVER_KEY,
        "spring.profiles.active=dev").run(ctx -> {
          FailureAnalysis a = Contexts.analysis(ctx.getStartupFailure());
          assertThat(a.getDescription())
              .isEqualTo("civickit.keys is not a valid key ring: key \"k1\" in the key ring is not base64.");
          assertThat(a.getAction()).isEqualTo("Set civickit.keys to id:base64key[,id:base64key...], each key 32 "
              + "bytes, the active key first; KeyRing.generate(\"k1\").format() writes one.");
        });
  }

  @Test
  void aShortServerKeyIsRefusedWithItsLength() {
    Contexts.bare().withPropertyValues("civickit.keys=" + Contexts.KEYS,
        "civickit.server-key=" + Base64.getEncoder().encodeToString(new byte[16])).run(ctx ->
        assertThat(Contexts.analysis(ctx.getStartupFailure()).getDescription())
            .isEqualTo("civickit.server-key must be at least 32 bytes, but was 16."));
  }

  @Test
  void theApplicationsOwnKeyRingAndServerKeyWin() {
    KeyRing own = KeyRing.generate("own");
    ServerKey ownKey = ServerKey.of(new byte[40]);
    Contexts.bare()
        .withBean(KeyRing.class, () -> own)
        .withBean(ServerKey.class, () -> ownKey)
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(KeyRing.class)).isSameAs(own);
          assertThat(ctx.getBean(ServerKey.class)).isSameAs(ownKey);
        });
  }

  @Test
  void withoutCivicKitCoreNothingIsConfiguredAndNothingFails() {
    Contexts.bare().withClassLoader(new FilteredClassLoader(KeyRing.class)).run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx).doesNotHaveBean(ServerKey.class);
      assertThat(ctx).doesNotHaveBean("civicKitKeyRing");
    });
  }

  @Test
  void theFailureAnalyzerLeavesOtherFailuresAlone() {
    assertThat(Contexts.analysis(new IllegalStateException("not ours"))).isNull();
  }

  @Test
  void aServerKeyNeverPrintsItsBytes() {
    assertThat(ServerKey.of(new byte[32]).toString()).isEqualTo("ServerKey[32 bytes]");
  }
}
