package io.civickit.cli;

import io.civickit.core.CivicKitException;
import io.civickit.core.internal.jdbc.DriverManagerDataSource;
import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.KeyRotation;
import io.civickit.notify.outbox.OutboxKeyRotation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code civickit keys ...}: key ring maintenance. */
@Command(name = "keys", mixinStandardHelpOptions = true, subcommands = KeysCommand.Rotate.class,
    description = "Key ring maintenance: re-encrypt stored data under the newest key.")
public final class KeysCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code civickit keys rotate --jdbc-url URL}: re-encrypts every saved journey, call-back
   * request and outbox message under the key ring's active (first) key. Exit status 0 when every
   * row is under the active key, 1 when some rows could not be read (the key they name is not in
   * the ring, or they were altered) or the database failed, 2 for a usage error.
   */
  @Command(name = "rotate", mixinStandardHelpOptions = true,
      description = {"Re-encrypt saved journeys, call-back requests and outbox messages under the key ring's",
          "active key (the first in the ring). Rows already under it are left alone, so the command can be",
          "run again at any time, including after a crash. The key ring is read from an environment variable",
          "or a file, never from the command line."})
  public static final class Rotate implements Callable<Integer> {
    /** The tables a pass covers. */
    public enum Table { journeys, callbacks, outbox }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
        description = "The database, e.g. jdbc:postgresql://db.internal:5432/council or jdbc:h2:file:/srv/civickit.")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "NAME", description = "Database user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "CIVICKIT_DB_PASSWORD",
        description = "Environment variable holding the database password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    @Option(names = "--key-ring-env", paramLabel = "VAR", defaultValue = "CIVICKIT_KEYS",
        description = "Environment variable holding the key ring, id:base64key,... with the new key first "
            + "(default: ${DEFAULT-VALUE}).")
    String keyRingEnv;

    @Option(names = "--key-ring-file", paramLabel = "PATH",
        description = "A file holding the key ring instead (e.g. a mounted secret).")
    Path keyRingFile;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "500",
        description = "Rows read at a time, 1 to 10000 (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--tables", split = ",", paramLabel = "TABLE",
        description = "Only these: journeys, callbacks, outbox (default: all; a table the database lacks is skipped).")
    List<Table> tables;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (batch < 1 || batch > 10_000) {
        err.println("--batch must be 1 to 10000, but was " + batch);
        return 2;
      }
      KeyRing ring;
      try {
        ring = KeyRing.parse(keyRingText());
      } catch (IllegalArgumentException | IOException e) {
        err.println("could not read the key ring: " + e.getMessage());
        return 2;
      }
      DataSource ds = new DriverManagerDataSource(jdbcUrl, user, passwordEnv == null ? null : System.getenv(passwordEnv));
      EnumSet<Table> chosen = tables == null || tables.isEmpty() ? EnumSet.allOf(Table.class) : EnumSet.copyOf(tables);
      List<KeyRotation.Report> reports = new ArrayList<>();
      try {
        for (Table t : chosen) {
          KeyRotation.Report r = switch (t) {
            case journeys -> KeyRotation.journeys(ds, ring, batch);
            case callbacks -> KeyRotation.callbackRequests(ds, ring, batch);
            case outbox -> OutboxKeyRotation.rotate(ds, ring, batch);
          };
          reports.add(r);
          out.println(r.present()
              ? r.table() + ": " + r.examined() + " rows read, " + r.rewritten() + " re-encrypted under key "
                  + ring.activeKeyId() + ", " + r.unreadable() + " unreadable"
              : r.table() + ": not in this database, skipped");
        }
      } catch (CivicKitException e) {
        err.println(e.getMessage() + ". Rows done so far stay done: run the command again to finish.");
        return 1;
      }
      long unreadable = reports.stream().mapToLong(KeyRotation.Report::unreadable).sum();
      if (unreadable > 0) {
        err.println(unreadable + " rows could not be read with the keys " + ring.keyIds()
            + ": keep the key that wrote them in the ring (or check the rows were not altered), and keep every old"
            + " key until a run reports none.");
        return 1;
      }
      out.println("every row is under key " + ring.activeKeyId() + ": the other keys " + others(ring)
          + " can be retired once no app instance still holds a ring with them as active.");
      return 0;
    }

    private String keyRingText() throws IOException {
      if (keyRingFile != null) {
        return Files.readString(keyRingFile, StandardCharsets.UTF_8).strip();
      }
      String text = System.getenv(keyRingEnv);
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("the environment variable " + keyRingEnv
            + " is not set; set it, or pass --key-ring-env or --key-ring-file");
      }
      return text.strip();
    }

    private static List<String> others(KeyRing ring) {
      return ring.keyIds().stream().filter(id -> !id.equals(ring.activeKeyId())).toList();
    }
  }
}
