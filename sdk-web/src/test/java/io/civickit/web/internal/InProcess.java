package io.civickit.web.internal;

import io.civickit.core.progress.KeyRing;
import io.civickit.forms.Forms;
import io.civickit.notify.NotificationId;
import io.civickit.notify.Notifier;
import io.civickit.notify.template.Templates;
import io.civickit.testsupport.TestClock;
import io.civickit.web.AgentConsole;
import io.civickit.web.JourneyRunner;
import io.civickit.web.PageHandler;
import io.civickit.web.PasswordHash;
import io.civickit.web.RunnerTemplates;
import io.civickit.web.StaffAccount;
import io.civickit.web.WebRequest;
import io.civickit.web.WebResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** A runner on H2 in a folder, driven in-process with requests built here: no server, a clock the test moves. */
final class InProcess implements AutoCloseable {
  static final String ADVISER = "adviser";
  static final String PASSWORD = "correct horse battery staple";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  final TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
  final DataSource dataSource;
  final JourneyRunner runner;
  final List<String> emails = Collections.synchronizedList(new ArrayList<>());
  final KeyRing keys = KeyRing.generate("k1");
  final Notifier notifier;

  InProcess(Path dir, Map<String, PageHandler> pages) {
    this(dir, "/test-form.json", pages, (self, b) -> { });
  }

  /** A runner with more settings (submissions) made by {@code more}, which may use this object's fields. */
  InProcess(Path dir, Map<String, PageHandler> pages, BiConsumer<InProcess, JourneyRunner.Builder> more) {
    this(dir, "/test-form.json", pages, more);
  }

  /** A runner for another form, with more settings on the builder (uploads, say). */
  InProcess(Path dir, String formResource, java.util.function.Consumer<JourneyRunner.Builder> more) {
    this(dir, formResource, Map.of(), (self, b) -> more.accept(b));
  }

  /** A runner for another form, with more settings. */
  InProcess(Path dir, String formResource, Map<String, PageHandler> pages,
      BiConsumer<InProcess, JourneyRunner.Builder> more) {
    UrlDataSource ds = new UrlDataSource("jdbc:h2:file:" + dir.resolve("web").toAbsolutePath() + ";DB_CLOSE_DELAY=-1",
        "", "", false);
    this.dataSource = ds;
    Templates templates = RunnerTemplates.defaults().build();
    this.notifier = r -> {
      emails.add(templates.render(r).toString());
      return new NotificationId(java.util.UUID.randomUUID().toString());
    };
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try (InputStream form = InProcess.class.getResourceAsStream(formResource)) {
      JourneyRunner.Builder b = JourneyRunner.builder().form(Forms.read(form)).dataSource(ds)
          .keyRing(keys).serverKey(key).clock(clock)
          .notifier(notifier)
          .publicUrl(URI.create("http://localhost:8080"))
          .agentConsole(AgentConsole.builder()
              .account(new StaffAccount(ADVISER, PasswordHash.hash(PASSWORD.toCharArray(), 1000), Optional.empty()))
              .build())
          .purges(Duration.ZERO, Duration.ofDays(90));
      pages.forEach((k, h) -> b.page(k.substring(0, k.indexOf(' ')), k.substring(k.indexOf(' ') + 1), h));
      more.accept(this, b);
      this.runner = b.build();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One browser: its cookie and the last CSRF token it saw. */
  final class Browser {
    String cookie = "";
    String csrf = "";
    final String address;

    Browser(String address) {
      this.address = address;
    }

    WebResponse get(String path) {
      return send("GET", path, null, null);
    }

    WebResponse post(String path, Map<String, String> fields) {
      Map<String, String> all = new LinkedHashMap<>();
      all.put("csrf", csrf);
      all.putAll(fields);
      String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
          .collect(Collectors.joining("&"));
      return send("POST", path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    WebResponse send(String method, String pathAndQuery, String type, byte[] body) {
      return send(method, pathAndQuery, type, body, Map.of());
    }

    /** With more request headers (names in lower case). */
    WebResponse send(String method, String pathAndQuery, String type, byte[] body, Map<String, String> more) {
      return send(method, pathAndQuery, type, body == null ? -1 : body.length,
          new ByteArrayInputStream(body == null ? new byte[0] : body), more);
    }

    /** Sends a body from a stream, declaring {@code length} (none when negative, as for a chunked body). */
    WebResponse send(String method, String pathAndQuery, String type, long length, InputStream body) {
      return send(method, pathAndQuery, type, length, body, Map.of());
    }

    /** The same, with more request headers (names in lower case). */
    WebResponse send(String method, String pathAndQuery, String type, long length, InputStream body,
        Map<String, String> more) {
      int q = pathAndQuery.indexOf('?');
      String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
      Optional<String> query = q < 0 ? Optional.empty() : Optional.of(pathAndQuery.substring(q + 1));
      Map<String, String> headers = new LinkedHashMap<>();
      if (!cookie.isEmpty()) {
        headers.put("cookie", cookie);
      }
      if (type != null) {
        headers.put("content-type", type);
      }
      if (length >= 0) {
        headers.put("content-length", String.valueOf(length));
      }
      headers.putAll(more);
      WebRequest request = new WebRequest() {
        @Override
        public String method() {
          return method;
        }

        @Override
        public String path() {
          return path;
        }

        @Override
        public Optional<String> query() {
          return query;
        }

        @Override
        public Optional<String> header(String name) {
          return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
        }

        @Override
        public InputStream body() {
          return body;
        }

        @Override
        public String remoteAddress() {
          return address;
        }
      };
      WebResponse r = runner.handle(request).orElseGet(() -> runner.notFound(request));
      r.headers().stream().filter(h -> h.name().equals("Set-Cookie")).forEach(h -> cookie = h.value().split(";")[0]);
      Matcher m = CSRF.matcher(r.bodyText());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    }
  }

  Browser browser() {
    return new Browser("192.0.2.10");
  }

  int rows(String table) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    runner.close();
  }
}
