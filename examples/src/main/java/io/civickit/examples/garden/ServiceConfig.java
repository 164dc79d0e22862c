package io.civickit.examples.garden;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the garden waste service runs: where it listens, which database, where notifications go,
 * who may use the agent console. Read from command-line options and environment variables by
 * {@link #fromArgs}, or built in code (tests) with {@link #builder()}.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>environment variable</th><th>default</th></tr>
 *   <tr><td>{@code --port}</td><td>{@code CIVICKIT_PORT}</td><td>7000 (0: any free port)</td></tr>
 *   <tr><td>{@code --host}</td><td>{@code CIVICKIT_HOST}</td><td>127.0.0.1</td></tr>
 *   <tr><td>{@code --database-url}</td><td>{@code CIVICKIT_DATABASE_URL}</td><td>H2 file in {@code ./data}</td></tr>
 *   <tr><td>{@code --database-user}/{@code --database-password}</td>
 *       <td>{@code CIVICKIT_DATABASE_USER}/{@code CIVICKIT_DATABASE_PASSWORD}</td><td>none</td></tr>
 *   <tr><td>{@code --data-dir}</td><td>{@code CIVICKIT_DATA_DIR}</td><td>{@code ./data}</td></tr>
 *   <tr><td>{@code --public-url}</td><td>{@code CIVICKIT_PUBLIC_URL}</td><td>{@code http://localhost:PORT}</td></tr>
 *   <tr><td>{@code --notifications file|smtp|notify}</td><td>{@code CIVICKIT_NOTIFICATIONS}</td><td>file</td></tr>
 *   <tr><td>{@code --outbox-dir}</td><td>{@code CIVICKIT_OUTBOX_DIR}</td><td>{@code ./outbox}</td></tr>
 *   <tr><td>{@code --insecure-cookies}</td><td>-</td><td>on only for {@code http://localhost}</td></tr>
 * </table>
 *
 * <p>SMTP: {@code CIVICKIT_SMTP_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD},
 * {@code _FROM}. GOV.UK Notify: {@code CIVICKIT_NOTIFY_API_KEY} and
 * {@code CIVICKIT_NOTIFY_TEMPLATES} ({@code passcode=<uuid>,save-and-return=<uuid>,...}).
 * Secrets: {@code CIVICKIT_KEYS} (a key ring, as {@code KeyRing.format()} writes it) and
 * {@code CIVICKIT_SERVER_KEY} (base64, 32 bytes or more); without them the service keeps
 * generated ones in the data directory. Several instances sharing one database must share these
 * secrets too.
 *
 * @param host the address to listen on
 * @param port the port (0 for any free port)
 * @param databaseUrl JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql:...}); empty for the H2 default
 * @param databaseUser database user, if the URL does not carry one
 * @param databasePassword database password
 * @param dataDir where the H2 database and generated secrets live
 * @param outboxDir where the file outbox writes messages
 * @param publicUrl the URL people reach the service at; empty for {@code http://localhost:PORT}
 * @param secureCookies whether cookies carry {@code Secure}; empty: on unless the public URL is http://localhost
 * @param notifications {@code file}, {@code smtp} or {@code notify}
 * @param env the environment variables to read secrets and channel settings from
 * @param staff staff accounts for the agent console, beside those in {@code dataDir/staff.properties}
 * @param failuresBeforeHandoff failed submissions of one page that hand the person to an adviser
 * @param clock the clock (tests pass a fixed one)
 * @param maxRequestBytes the largest request body accepted
 */
public record ServiceConfig(
    String host,
    int port,
    Optional<String> databaseUrl,
    Optional<String> databaseUser,
    Optional<String> databasePassword,
    Path dataDir,
    Path outboxDir,
    Optional<URI> publicUrl,
    Optional<Boolean> secureCookies,
    String notifications,
    Map<String, String> env,
    List<StaffAccount> staff,
    int failuresBeforeHandoff,
    Clock clock,
    int maxRequestBytes) {

  /** Validates the settings, naming the bad value. */
  public ServiceConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, but was " + port);
    }
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    databaseUrl.ifPresent(u -> {
      if (!u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("the database URL must start with jdbc:h2: or jdbc:postgresql:");
      }
    });
    Objects.requireNonNull(databaseUser, "databaseUser");
    Objects.requireNonNull(databasePassword, "databasePassword");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(outboxDir, "outboxDir");
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(secureCookies, "secureCookies");
    if (!List.of("file", "smtp", "notify").contains(notifications)) {
      throw new IllegalArgumentException("notifications must be file, smtp or notify, but was " + notifications);
    }
    env = Map.copyOf(env);
    staff = List.copyOf(staff);
    if (failuresBeforeHandoff < 1) {
      throw new IllegalArgumentException("failuresBeforeHandoff must be at least 1, but was " + failuresBeforeHandoff);
    }
    Objects.requireNonNull(clock, "clock");
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException("maxRequestBytes must be at least 1024, but was " + maxRequestBytes);
    }
  }

  /** Defaults: 127.0.0.1:7000, H2 in {@code ./data}, the file outbox in {@code ./outbox}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.databaseUrl = databaseUrl.orElse(null);
    b.databaseUser = databaseUser.orElse(null);
    b.databasePassword = databasePassword.orElse(null);
    b.dataDir = dataDir;
    b.outboxDir = outboxDir;
    b.publicUrl = publicUrl.orElse(null);
    b.secureCookies = secureCookies.orElse(null);
    b.notifications = notifications;
    b.env = new LinkedHashMap<>(env);
    b.staff = new ArrayList<>(staff);
    b.failuresBeforeHandoff = failuresBeforeHandoff;
    b.clock = clock;
    b.maxRequestBytes = maxRequestBytes;
    return b;
  }

  /**
   * Reads {@code --name value} options, falling back to {@code CIVICKIT_*} environment variables.
   *
   * @throws IllegalArgumentException for an unknown option or a bad value
   */
  public static ServiceConfig fromArgs(String[] args, Map<String, String> env) {
    Builder b = builder().env(env);
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--insecure-cookies")) {
        b.secureCookies(false);
        continue;
      }
      if (!a.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value, but got \"" + a + "\"; see the README");
      }
      opts.put(a.substring(2), args[++i]);
    }
    String[][] envNames = {
        {"port", "CIVICKIT_PORT"}, {"host", "CIVICKIT_HOST"}, {"database-url", "CIVICKIT_DATABASE_URL"},
        {"database-user", "CIVICKIT_DATABASE_USER"}, {"database-password", "CIVICKIT_DATABASE_PASSWORD"},
        {"data-dir", "CIVICKIT_DATA_DIR"}, {"outbox-dir", "CIVICKIT_OUTBOX_DIR"},
        {"public-url", "CIVICKIT_PUBLIC_URL"}, {"notifications", "CIVICKIT_NOTIFICATIONS"}};
    for (String[] n : envNames) {
      String v = env.get(n[1]);
      if (v != null && !v.isBlank()) {
        opts.putIfAbsent(n[0], v);
      }
    }
    for (Map.Entry<String, String> e : opts.entrySet()) {
      String v = e.getValue();
      switch (e.getKey()) {
        case "port" -> b.port(parsePort(v));
        case "host" -> b.host(v);
        case "database-url" -> b.databaseUrl(v);
        case "database-user" -> b.databaseUser(v);
        case "database-password" -> b.databasePassword(v);
        case "data-dir" -> b.dataDir(Path.of(v));
        case "outbox-dir" -> b.outboxDir(Path.of(v));
        case "public-url" -> b.publicUrl(URI.create(v));
        case "notifications" -> b.notifications(v.toLowerCase(Locale.ROOT));
        default -> throw new IllegalArgumentException("unknown option --" + e.getKey()
            + "; known: --port --host --database-url --database-user --database-password --data-dir --outbox-dir"
            + " --public-url --notifications --insecure-cookies");
      }
    }
    return b.build();
  }

  private static int parsePort(String v) {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, but was \"" + v + "\"", e);
    }
  }

  /** The URL people use, given the port actually bound. */
  public URI publicUrl(int boundPort) {
    return publicUrl.orElse(URI.create("http://localhost:" + boundPort));
  }

  /** Whether cookies are {@code Secure}: always, unless switched off for a plain-http localhost URL. */
  public boolean secureCookies(int boundPort) {
    URI url = publicUrl(boundPort);
    boolean localHttp = "http".equals(url.getScheme())
        && List.of("localhost", "127.0.0.1", "[::1]").contains(url.getHost());
    if (secureCookies.isPresent() && !secureCookies.get() && !localHttp) {
      throw new IllegalStateException("cookies may be sent without Secure only for http://localhost, not " + url);
    }
    return secureCookies.orElse(!localHttp);
  }

  /** One agent console account. {@code passwordHash} is {@link PasswordHash#hash}'s output. */
  public record StaffAccount(String username, String passwordHash, Optional<String> totpSecretBase32) {
    /** Validates the account. */
    public StaffAccount {
      Objects.requireNonNull(username, "username");
      if (!username.matches("[a-z0-9][a-z0-9._-]{0,39}")) {
        throw new IllegalArgumentException("a staff username is lower-case letters, digits, dots, hyphens and "
            + "underscores, but was \"" + username + "\"");
      }
      Objects.requireNonNull(passwordHash, "passwordHash");
      Objects.requireNonNull(totpSecretBase32, "totpSecretBase32");
    }

    @Override
    public String toString() {
      return "StaffAccount[" + username + ", totp=" + totpSecretBase32.isPresent() + "]";
    }
  }

  @Override
  public String toString() {
    return "ServiceConfig[" + host + ":" + port + ", database=" + databaseUrl.map(u -> u.replaceAll("\\?.*", ""))
        .orElse("h2 in " + dataDir) + ", notifications=" + notifications + ", staff=" + staff.size() + "]";
  }

  /** Builds a {@link ServiceConfig}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 7000;
    private String databaseUrl;
    private String databaseUser;
    private String databasePassword;
    private Path dataDir = Path.of("data");
    private Path outboxDir = Path.of("outbox");
    private URI publicUrl;
    private Boolean secureCookies;
    private String notifications = "file";
    private Map<String, String> env = Map.of();
    private List<StaffAccount> staff = new ArrayList<>();
    private int failuresBeforeHandoff = 3;
    private Clock clock = Clock.systemDefaultZone();
    private int maxRequestBytes = 64 * 1024;

    private Builder() {}

    /** @param v the address to listen on @return this */
    public Builder host(String v) {
      host = v;
      return this;
    }

    /** @param v the port, 0 for any free one @return this */
    public Builder port(int v) {
      port = v;
      return this;
    }

    /** @param v a JDBC URL @return this */
    public Builder databaseUrl(String v) {
      databaseUrl = v;
      return this;
    }

    /** @param v the database user @return this */
    public Builder databaseUser(String v) {
      databaseUser = v;
      return this;
    }

    /** @param v the database password @return this */
    public Builder databasePassword(String v) {
      databasePassword = v;
      return this;
    }

    /** @param v the data directory @return this */
    public Builder dataDir(Path v) {
      dataDir = v;
      return this;
    }

    /** @param v the file outbox directory @return this */
    public Builder outboxDir(Path v) {
      outboxDir = v;
      return this;
    }

    /** @param v the public URL @return this */
    public Builder publicUrl(URI v) {
      publicUrl = v;
      return this;
    }

    /** @param v whether cookies are Secure @return this */
    public Builder secureCookies(boolean v) {
      secureCookies = v;
      return this;
    }

    /** @param v file, smtp or notify @return this */
    public Builder notifications(String v) {
      notifications = v;
      return this;
    }

    /** @param v environment variables for secrets and channel settings @return this */
    public Builder env(Map<String, String> v) {
      env = new LinkedHashMap<>(v);
      return this;
    }

    /** @param v an agent console account @return this */
    public Builder staff(StaffAccount v) {
      staff.add(v);
      return this;
    }

    /** @param v failed submissions before handoff @return this */
    public Builder failuresBeforeHandoff(int v) {
      failuresBeforeHandoff = v;
      return this;
    }

    /** @param v the clock @return this */
    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    /** @param v the largest request body accepted @return this */
    public Builder maxRequestBytes(int v) {
      maxRequestBytes = v;
      return this;
    }

    /** @return the settings @throws IllegalArgumentException naming a bad value */
    public ServiceConfig build() {
      return new ServiceConfig(host, port, Optional.ofNullable(databaseUrl), Optional.ofNullable(databaseUser),
          Optional.ofNullable(databasePassword), dataDir, outboxDir, Optional.ofNullable(publicUrl),
          Optional.ofNullable(secureCookies), notifications, env, staff, failuresBeforeHandoff, clock,
          maxRequestBytes);
    }
  }
}
