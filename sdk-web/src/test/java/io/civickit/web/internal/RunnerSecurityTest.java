package io.civickit.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.web.PasswordHash;
import io.civickit.web.StaffAccount;
import io.civickit.web.WebResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's protections, driven in-process against H2 with a clock the test moves. */
class RunnerSecurityTest {
  @TempDir Path dir;
  private InProcess web;

  @BeforeEach
  void start() {
    web = new InProcess(dir, Map.of("GET /boom", ex -> {
      throw new IllegalStateException("could not find private.person@example.org at 221B Secret Street");
    }));
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private static String location(WebResponse r) {
    return r.header("Location").orElse("");
  }

  private InProcess.Browser startedJourney() {
    InProcess.Browser b = web.browser();
    b.get("/");
    assertThat(location(b.post("/start", Map.of()))).isEqualTo("/apply/where");
    return b;
  }

  @Test
  void theScheduledPurgesShrinkEveryTable() {
    for (int i = 0; i < 5; i++) {
      web.browser().get("/");                              // cookieless visits: a session each
    }
    InProcess.Browser helped = startedJourney();
    helped.post("/apply/where", Map.of("where", "Oak Lane"));
    helped.get("/help");
    assertThat(location(helped.post("/help", Map.of("email", "helped@example.org")))).isEqualTo("/help/requested");
    InProcess.Browser adviser = web.browser();
    adviser.get("/agent/login");
    for (int i = 0; i < 3; i++) {
      adviser.post("/agent/login", Map.of("username", "made-up-" + i, "password", "x"));   // attempt rows
    }
    adviser.post("/agent/login", Map.of("username", InProcess.ADVISER, "password", InProcess.PASSWORD));
    String queue = adviser.get("/agent").bodyText();
    String handoff = queue.replaceAll("(?s).*href=\"(/agent/handoffs/[^\"]+)\".*", "$1");
    assertThat(location(adviser.post(handoff + "/resolve", Map.of()))).isEqualTo(handoff);
    int sessions = web.rows("civickit_web_sessions");
    int journeys = web.rows("civickit_journeys");
    int identity = web.rows("ck_identity_state");
    int handoffs = web.rows("civickit_web_helpdesk");
    assertThat(sessions).isGreaterThanOrEqualTo(7);
    assertThat(journeys).isEqualTo(1);
    assertThat(identity).isGreaterThanOrEqualTo(3);
    assertThat(handoffs).isEqualTo(1);

    web.clock.advance(Duration.ofDays(91));
    Map<String, Integer> purged = web.runner.purgeNow();

    assertThat(web.rows("civickit_web_sessions")).as("sessions").isZero();
    assertThat(web.rows("civickit_journeys")).as("journeys past 28 days").isZero();
    assertThat(web.rows("ck_identity_state")).as("attempt rows").isZero();
    assertThat(web.rows("civickit_web_helpdesk")).as("closed handoffs past 90 days").isZero();
    assertThat(purged).containsEntry("sessions", sessions).containsEntry("journeys", 1).containsEntry("handoffs", 1);
  }

  @Test
  void thePurgeRunsOnOneInstanceAtATime() {
    try (InProcess other = new InProcess(dir, Map.of())) {
      assertThat(web.runner.purgeNow()).as("this instance takes the lease").isNotEmpty();
      assertThat(other.runner.purgeNow()).as("the other finds it taken").isEmpty();
    }
  }

  @Test
  void attemptsWhileLockedNeitherCountNorExtendTheLock() {
    InProcess.Browser attacker = web.browser();
    attacker.get("/agent/login");
    for (int i = 0; i < 5; i++) {
      attacker.post("/agent/login", Map.of("username", InProcess.ADVISER, "password", "wrong " + i));
    }
    InProcess.Browser adviser = web.new Browser("198.51.100.7");
    adviser.get("/agent/login");
    assertThat(adviser.post("/agent/login", Map.of("username", InProcess.ADVISER, "password", InProcess.PASSWORD))
        .bodyText()).as("locked").contains("Enter a correct username and password");
    web.clock.advance(Duration.ofMinutes(10));
    for (int i = 0; i < 10; i++) {
      attacker.post("/agent/login", Map.of("username", InProcess.ADVISER, "password", "again " + i));
    }
    web.clock.advance(Duration.ofMinutes(6));
    assertThat(location(adviser.post("/agent/login", Map.of("username", InProcess.ADVISER, "password",
        InProcess.PASSWORD)))).as("the lock ended 15 minutes after it began").isEqualTo("/agent");
  }

  @Test
  void oneClientAddressIsThrottledAcrossUserNames() {
    InProcess.Browser attacker = web.browser();
    attacker.get("/agent/login");
    for (int i = 0; i < 20; i++) {
      attacker.post("/agent/login", Map.of("username", "guess-" + i, "password", "x"));
    }
    assertThat(attacker.post("/agent/login", Map.of("username", InProcess.ADVISER, "password", InProcess.PASSWORD))
        .bodyText()).as("this address must wait").contains("Enter a correct username and password");
    InProcess.Browser adviser = web.new Browser("198.51.100.7");
    adviser.get("/agent/login");
    assertThat(location(adviser.post("/agent/login", Map.of("username", InProcess.ADVISER, "password",
        InProcess.PASSWORD)))).as("another address is not").isEqualTo("/agent");
  }

  @Test
  void anUnknownNameCostsTheSameHashingAsAKnownOne() {
    List<StaffAccount> accounts = List.of(
        new StaffAccount("a", PasswordHash.hash("p".toCharArray(), 1000), Optional.empty()),
        new StaffAccount("b", PasswordHash.hash("p".toCharArray(), 4000), Optional.empty()));
    assertThat(PasswordHash.iterations(AgentPages.standIn(accounts))).hasValue(4000);
    assertThat(PasswordHash.iterations(AgentPages.standIn(List.of(accounts.get(0))))).hasValue(1000);
  }

  @Test
  void theAdviserGetsANewSessionIdAfterThePasswordStep() {
    InProcess.Browser adviser = web.browser();
    adviser.get("/agent/login");
    String before = adviser.cookie;
    adviser.post("/agent/login", Map.of("username", InProcess.ADVISER, "password", InProcess.PASSWORD));
    assertThat(adviser.cookie).isNotEqualTo(before);
  }

  @Test
  void doubleSubmitsOfIdempotentActionsAreAnsweredCalmly() throws Exception {
    InProcess.Browser b = startedJourney();
    b.post("/apply/where", Map.of("where", "Oak Lane"));
    b.get("/help");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String to = i % 2 == 0 ? "cy" : "en";
        calls.add(() -> b.post("/language", Map.of("to", to, "return", "/help")).status());
        calls.add(() -> b.post("/help", Map.of("email", "twice@example.org")).status());
      }
      for (Future<Integer> f : pool.invokeAll(calls)) {
        assertThat(f.get()).isEqualTo(303);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void getRequestsChangeNothing() {
    InProcess.Browser b = startedJourney();
    assertThat(b.get("/language?to=cy&return=/").status()).isEqualTo(405);
    assertThat(b.get("/").bodyText()).contains("lang=\"en\"");
    assertThat(b.get("/change/where").status()).as("a Change link on a page not reached moves nothing")
        .isEqualTo(303);
    assertThat(location(b.get("/apply/where"))).isEmpty();
  }

  @Test
  void aFailureIsLoggedWithoutItsMessageAndAnsweredWithTheHeaders() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    WebResponse r;
    try {
      r = web.browser().get("/boom");
    } finally {
      System.setErr(original);
    }
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.header("Content-Security-Policy")).isPresent();
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("java.lang.IllegalStateException", "GET /boom").doesNotContain("private.person", "Secret");
  }

  @Test
  void malformedBodiesGetA400PageWithTheHeaders() {
    InProcess.Browser b = web.browser();
    b.get("/");
    WebResponse r = b.send("POST", "/start", "application/x-www-form-urlencoded",
        ("csrf=" + b.csrf + "&where=%zz").getBytes(StandardCharsets.US_ASCII));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Content-Security-Policy")).isPresent();
    WebResponse multipart = b.send("POST", "/start", "multipart/form-data; boundary=x",
        "--x\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(multipart.status()).isEqualTo(415);
    assertThat(multipart.header("X-Frame-Options")).contains("DENY");
  }
}
