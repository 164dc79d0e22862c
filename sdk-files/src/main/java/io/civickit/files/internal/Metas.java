package io.civickit.files.internal;

import io.civickit.core.JourneyId;
import io.civickit.files.FileRef;
import io.civickit.files.FileState;
import io.civickit.files.NewFile;
import io.civickit.files.StoredFile;
import java.time.Instant;
import java.util.Properties;

/** A stored file's record as properties, for sealing. */
final class Metas {
  private Metas() {}

  static Properties of(StoredFile f, int chunks) {
    Properties p = new Properties();
    p.setProperty("name", f.ref().name());
    p.setProperty("originalName", f.originalName());
    p.setProperty("contentType", f.ref().contentType());
    p.setProperty("sha256", f.ref().sha256());
    p.setProperty("size", Long.toString(f.ref().size()));
    p.setProperty("chunks", Integer.toString(chunks));
    p.setProperty("questionId", f.questionId());
    p.setProperty("state", f.state().name());
    p.setProperty("storedAt", f.storedAt().toString());
    return p;
  }

  static StoredFile file(JourneyId journey, String fileId, Properties p) {
    return new StoredFile(
        new FileRef(fileId, p.getProperty("name"), Long.parseLong(p.getProperty("size")),
            p.getProperty("contentType"), p.getProperty("sha256")),
        journey, p.getProperty("questionId"), p.getProperty("originalName"),
        FileState.valueOf(p.getProperty("state")), Instant.parse(p.getProperty("storedAt")));
  }

  static int chunks(Properties p) {
    return Integer.parseInt(p.getProperty("chunks"));
  }

  static StoredFile stored(NewFile f, ChunkCipher.Written w) {
    return f.stored(w.size(), w.sha256());
  }
}
