package io.civickit.examples.garden;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.progress.KeyRing;
import io.civickit.testsupport.PostgresDatabase;
import io.civickit.web.PasswordHash;
import io.civickit.web.ServiceSettings;
import io.civickit.web.StaffAccount;
import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the service on two ports sharing one PostgreSQL (and the same secrets): a
 * person starts on one, continues on the other, asks for help there, and an adviser signed in to
 * the first sees them in the queue. Skipped without PostgreSQL; fails on CI without it.
 */
class TwoInstancesOnePostgresTest {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  /** One instance's settings: the shared database and secrets, its own data folder. */
  private static ServiceSettings shared(Map<String, String> secrets, Path dir, String name, String adviser) {
    return GardenWasteApp.settings(new String[0], secrets).with("port", "0").with("database-url", PG.jdbcUrl())
        .with("outbox-dir", dir.resolve("outbox").toString()).with("data-dir", dir.resolve(name).toString())
        .staff(new StaffAccount(adviser, PasswordHash.hash(TestService.STAFF_PASSWORD.toCharArray(), 1000),
            Optional.empty()));
  }

  @Test
  void aPersonCanContinueOnEitherInstance(@TempDir Path dir) {
    byte[] serverKey = new byte[32];
    new SecureRandom().nextBytes(serverKey);
    Map<String, String> secrets = Map.of("CIVICKIT_KEYS", KeyRing.generate("k1").format(),
        "CIVICKIT_SERVER_KEY", Base64.getEncoder().encodeToString(serverKey));
    try (GardenWasteApp a = GardenWasteApp.start(shared(secrets, dir, "a", TestService.SUPERVISOR));
         GardenWasteApp b = GardenWasteApp.start(shared(secrets, dir, "b", TestService.SUPERVISOR))) {
      assertThat(a.port()).isNotEqualTo(b.port());
      CookieManager browser = new CookieManager();
      Http onA = new Http(a.url().toString(), browser);
      Http onB = new Http(b.url().toString(), browser);

      onA.get("/");
      onA.follow(onA.post("/start", Map.of()));
      HttpResponse<String> next = onA.post("/apply/lives-in-area", Map.of("lives_in_area", "yes"));
      assertThat(next.headers().firstValue("Location")).contains("/apply/address");

      HttpResponse<String> address = onB.get("/apply/address");
      assertThat(address.statusCode()).isEqualTo(200);
      assertThat(address.body()).contains("What is your address?");
      onB.csrf = onA.csrf;
      assertThat(onB.post("/apply/address", Map.of("address-line1", "1 Garden Row", "address-town", "Anytown",
          "address-postcode", "SW1A 1AA")).headers().firstValue("Location")).contains("/apply/bins");
      assertThat(onA.get("/apply/bins").body()).contains("How many garden waste bins do you need?");

      onB.get("/help");
      assertThat(onB.post("/help", Map.of("email", "both@example.org")).headers().firstValue("Location"))
          .contains("/help/requested");
      String reference = onB.get("/help/requested").body().replaceAll("(?s).*id=\"reference\">([^<]+)<.*", "$1");

      Http adviser = new Http(a.url().toString());
      adviser.get("/agent/login");
      adviser.post("/agent/login", Map.of("username", TestService.SUPERVISOR, "password", TestService.STAFF_PASSWORD));
      assertThat(adviser.get("/agent").body()).contains(reference);
    }
  }

  @Test
  void wrongPasswordsOnEitherInstanceCountTogetherAndLockBoth(@TempDir Path dir) {
    byte[] serverKey = new byte[32];
    new SecureRandom().nextBytes(serverKey);
    Map<String, String> secrets = Map.of("CIVICKIT_KEYS", KeyRing.generate("k1").format(),
        "CIVICKIT_SERVER_KEY", Base64.getEncoder().encodeToString(serverKey));
    try (GardenWasteApp a = GardenWasteApp.start(shared(secrets, dir, "a", "locksmith"));
         GardenWasteApp b = GardenWasteApp.start(shared(secrets, dir, "b", "locksmith"))) {
      Http onA = new Http(a.url().toString());
      Http onB = new Http(b.url().toString());
      onA.get("/agent/login");
      onB.get("/agent/login");
      for (int i = 0; i < 5; i++) {
        Http h = i % 2 == 0 ? onA : onB;
        assertThat(h.post("/agent/login", Map.of("username", "locksmith", "password", "wrong " + i))
            .body()).contains("Enter a correct username and password");
      }
      for (Http h : new Http[] {onA, onB}) {
        HttpResponse<String> right = h.post("/agent/login",
            Map.of("username", "locksmith", "password", TestService.STAFF_PASSWORD));
        assertThat(right.statusCode()).as("the right password during the lockout").isEqualTo(200);
        assertThat(right.body()).contains("Enter a correct username and password");
      }
    }
  }
}
