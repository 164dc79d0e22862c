package io.civickit.core.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.civickit.core.Answer;
import io.civickit.core.Channel;
import io.civickit.core.Journey;
import io.civickit.core.JourneyId;
import io.civickit.core.JourneyStatus;
import io.civickit.core.Reference;
import io.civickit.core.Value;
import io.civickit.testsupport.PostgresDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcProgressStorePostgresTest {

  @RegisterExtension
  static final PostgresDatabase PG = new PostgresDatabase();

  private static final KeyRing KEYS = KeyRing.generate("k1");

  @BeforeAll
  static void schema() {
    Schema.install(PG.dataSource());
    Schema.install(PG.dataSource()); // twice: installing is idempotent
  }

  static Journey fresh() {
    Instant now = Instant.parse("2026-11-28T10:00:00Z");
    return new Journey(JourneyId.random(), Reference.random(), "garden-waste", 1, "name", Map.of(), Map.of(),
        List.of(), Optional.empty(), JourneyStatus.IN_PROGRESS, Optional.empty(), Channel.ONLINE, Optional.empty(),
        "none", Map.of(), Map.of(), now, now, 0);
  }

  @Test
  void twoAppInstancesRacingOnOneJourneyNeverLoseAnUpdate() throws Exception {
    ProgressStore instanceA = ProgressStore.jdbc(PG.dataSource(), KEYS);
    ProgressStore instanceB = ProgressStore.jdbc(PG.dataSource(), KEYS);
    Journey j = instanceA.save(fresh());
    int threads = 8;
    int savesPerThread = 25;
    ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
    int[] conflicts = new int[threads];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      ProgressStore store = t % 2 == 0 ? instanceA : instanceB;
      futures.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < savesPerThread; i++) {
          String key = "t" + thread + "-" + i;
          while (true) {
            Journey read = store.find(j.id()).orElseThrow();
            try {
              store.save(read.toBuilder().answer(key, Answer.of(Value.number(i))).build());
              committed.add(key);
              break;
            } catch (ProgressConflictException e) {
              conflicts[thread]++;
              assertThat(e.actualVersion()).isGreaterThan(e.expectedVersion());
            }
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    Journey last = instanceB.find(j.id()).orElseThrow();
    assertThat(committed).hasSize(threads * savesPerThread);
    assertThat(last.answers().keySet()).containsExactlyInAnyOrderElementsOf(committed);
    assertThat(last.version()).isEqualTo(1 + threads * savesPerThread);
    int totalConflicts = java.util.Arrays.stream(conflicts).sum();
    System.out.printf("race: %d saves committed, %d stale saves rejected, final version %d%n",
        committed.size(), totalConflicts, last.version());
  }

  @Test
  void aStaleSaveIsRejectedAndOverwritesNothing() {
    ProgressStore store = ProgressStore.jdbc(PG.dataSource(), KEYS);
    Journey v1 = store.save(fresh());
    Journey v2 = store.save(v1.toBuilder().answer("name", Answer.of(Value.text("first"))).build());
    assertThatThrownBy(() -> store.save(v1.toBuilder().answer("name", Answer.of(Value.text("stale"))).build()))
        .isInstanceOfSatisfying(ProgressConflictException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
        });
    assertThat(store.find(v1.id()).orElseThrow().answer("name").orElseThrow().value()).isEqualTo(Value.text("first"));
    assertThat(v2.version()).isEqualTo(2);
  }

  @Test
  void answersAreEncryptedAtRestAndARowCopiedOntoAnotherJourneyDoesNotDecrypt() throws Exception {
    ProgressStore store = ProgressStore.jdbc(PG.dataSource(), KEYS);
    Journey a = store.save(fresh().toBuilder().answer("secret", Answer.of(Value.text("AB123456C-visible?"))).build());
    Journey b = store.save(fresh());
    try (Connection c = PG.dataSource().getConnection()) {
      byte[] payload;
      try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM civickit_journeys WHERE journey_id = ?")) {
        ps.setString(1, a.id().value());
        var rs = ps.executeQuery();
        rs.next();
        payload = rs.getBytes(1);
      }
      assertThat(new String(payload, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("AB123456C");
      try (PreparedStatement ps = c.prepareStatement("UPDATE civickit_journeys SET payload = ? WHERE journey_id = ?")) {
        ps.setBytes(1, payload);
        ps.setString(2, b.id().value());
        ps.executeUpdate();
      }
    }
    assertThatThrownBy(() -> store.find(b.id()))
        .isInstanceOf(ProgressDecryptionException.class)
        .hasMessageContaining("journey " + b.id());
  }

  /** A journey whose encrypted payload is well past the 2 KB at which PostgreSQL would move it out of the row. */
  private static Journey large() {
    Journey.Builder b = fresh().toBuilder();
    for (int i = 0; i < 30; i++) {
      b.answer("q" + i, Answer.of(Value.text("an answer of about eighty characters, as people write them: " + i)));
    }
    return b.build();
  }

  @Test
  void aSaveAndALoadAreOneStatementAndOneConnectionEach() {
    AtomicInteger connections = new AtomicInteger();
    AtomicInteger statements = new AtomicInteger();
    ProgressStore store = ProgressStore.jdbc(counting(PG.dataSource(), connections, statements), KEYS);

    Journey first = store.save(large());
    assertThat(statements.getAndSet(0)).as("statements to save a new journey").isEqualTo(1);
    Journey loaded = store.find(first.id()).orElseThrow();
    assertThat(statements.getAndSet(0)).as("statements to load it").isEqualTo(1);
    store.save(loaded.toBuilder().answer("q0", Answer.of(Value.text("changed"))).build());
    assertThat(statements.getAndSet(0)).as("statements to save it again").isEqualTo(1);
    assertThat(store.find(first.id()).orElseThrow().answer("q0").orElseThrow().value()).isEqualTo(Value.text("changed"));
    assertThat(statements.get()).isEqualTo(1);
    assertThat(connections.get()).as("connections borrowed for four operations").isEqualTo(4);
  }

  @Test
  void theEncryptedPayloadIsKeptInTheRowWithoutACompressionAttempt() throws Exception {
    ProgressStore store = ProgressStore.jdbc(PG.dataSource(), KEYS);
    Journey saved = store.save(large());
    store.save(saved.toBuilder().answer("q1", Answer.of(Value.text("saved twice"))).build());
    try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT attstorage FROM pg_attribute WHERE attrelid = 'civickit_journeys'::regclass"
          + " AND attname = 'payload'")) {
        rs.next();
        assertThat(rs.getString(1)).as("storage of payload: e is EXTERNAL, never compressed").isEqualTo("e");
      }
      // In the row and not compressed, the value takes its bytes and a 4-byte header; out of line
      // (TOAST), pg_column_size gives its bytes only; compressed, fewer.
      try (ResultSet rs = s.executeQuery("SELECT octet_length(payload), pg_column_size(payload),"
          + " pg_column_compression(payload) FROM civickit_journeys WHERE journey_id = '" + saved.id().value() + "'")) {
        rs.next();
        assertThat(rs.getInt(1)).as("payload bytes").isGreaterThan(2500);
        assertThat(rs.getInt(2)).as("bytes stored for the payload").isEqualTo(rs.getInt(1) + 4);
        assertThat(rs.getString(3)).as("compression").isNull();
      }
    }
  }

  /** The data source, counting connections borrowed and statements executed through them. */
  private static DataSource counting(DataSource target, AtomicInteger connections, AtomicInteger statements) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          if (method.getName().equals("getConnection")) {
            connections.incrementAndGet();
            return wrap(Connection.class, result, statements);
          }
          return result;
        });
  }

  private static Object wrap(Class<?> type, Object target, AtomicInteger statements) {
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      Object result = invoke(target, method, args);
      String name = method.getName();
      if (name.startsWith("execute")) {
        statements.incrementAndGet();
      }
      if (result instanceof PreparedStatement) {
        return wrap(PreparedStatement.class, result, statements);
      }
      if (result instanceof Statement) {
        return wrap(Statement.class, result, statements);
      }
      return result;
    });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
