package io.civickit.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The email codes the service writes to its outbox folder (the {@code file} notification
 * channel), by recipient: one background thread reads each new {@code .eml} file once, so a
 * virtual user waiting for its code only looks in a map and never blocks Gatling's threads.
 */
final class EmailCodes {
  private static final Pattern TO = Pattern.compile("(?m)^To: (.+?)\\r?$");
  private static final Pattern CODE = Pattern.compile("(?:Your code is|Eich cod yw) ([0-9]{6})");

  private final Path folder;
  private final Map<String, String> codes = new ConcurrentHashMap<>();
  private final Set<Path> read = ConcurrentHashMap.newKeySet();

  EmailCodes(Path folder) {
    this.folder = folder;
    Thread t = new Thread(this::watch, "email-codes");
    t.setDaemon(true);
    t.start();
  }

  /** The code sent to this address, or {@code null} while it has not been written. */
  String code(String address) {
    return codes.get(address);
  }

  private void watch() {
    while (true) {
      try {
        if (Files.isDirectory(folder)) {
          try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".eml") && !read.contains(f)).forEach(this::take);
          }
        }
        Thread.sleep(50);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void take(Path f) {
    try {
      String mail = Files.readString(f, StandardCharsets.UTF_8);
      read.add(f);
      Matcher to = TO.matcher(mail);
      Matcher code = CODE.matcher(mail);
      if (to.find() && code.find()) {
        codes.put(to.group(1).strip(), code.group(1));
      }
    } catch (IOException e) {
      // written by a rename, so a file is whole when listed; a failed read is tried again next time
    }
  }
}
