package io.civickit.spring;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code civickit.upload.*} settings: files for the form's {@code file} questions, checked,
 * kept encrypted and virus-scanned (sdk-files). Setting {@code civickit.upload.clamd} switches uploads on;
 * without it, the upload pages say files cannot be uploaded, and an optional file question can be
 * passed without one. There is no setting that accepts files unscanned.
 *
 * @param clamd the ClamAV daemon that scans every file, as {@code host:port}, for example
 *     {@code 127.0.0.1:3310}; setting it switches uploads on
 * @param store where files are kept, encrypted with the key ring: {@code folder} or
 *     {@code database} (the application's {@code DataSource}, for several instances)
 * @param folder the folder for {@code store=folder}
 * @param maxBytes the largest file, lowering each question's own {@code maxFileBytes}, for
 *     example {@code 5MB}; the question's own when unset
 */
@ConfigurationProperties("civickit.upload")
public record UploadProperties(
    @Nullable String clamd,
    @DefaultValue("folder") Store store,
    @DefaultValue("uploads") Path folder,
    @Nullable DataSize maxBytes) {

  /** Where uploaded files are kept. */
  public enum Store {
    /** Files on disk, one folder per journey. */
    FOLDER,
    /** Files in the application's database, in encrypted chunks. */
    DATABASE
  }
}
