package io.civickit.spring;

import io.civickit.core.progress.KeyRing;
import io.civickit.core.progress.Schema;
import io.civickit.files.FileStore;
import io.civickit.files.UploadRules;
import io.civickit.files.Uploads;
import io.civickit.files.VirusScanner;
import io.civickit.forms.Form;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.web.JourneyRunner;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * File uploads (sdk-files) for the journey runner: with {@code civickit.upload.clamd} set, each
 * page asking a {@code file} question takes files, checked against the question's rules, kept
 * encrypted in a folder or the database, and scanned by that ClamAV daemon before they are listed.
 * Without it there is no {@link Uploads} bean and the upload pages say files cannot be uploaded
 * (an optional question can still be passed without one): files are never accepted unscanned.
 * Backs off from the application's own {@link Uploads}, which the runner then uses.
 */
@AutoConfiguration(after = CivicKitWebAutoConfiguration.class)
@ConditionalOnClass({Uploads.class, JourneyRunner.class})
@EnableConfigurationProperties(UploadProperties.class)
public class CivicKitUploadAutoConfiguration {

  /** Creates the configuration (Spring does). */
  public CivicKitUploadAutoConfiguration() {}

  /**
   * The uploads, with the rules of each of the form's file questions.
   *
   * @param p the {@code civickit.upload.*} settings
   * @param form the runner's form
   * @param keys the key ring that encrypts stored files
   * @param dataSource the application's database, for {@code store=database}
   * @param civickit the {@code civickit.*} settings (whether CivicKit installs tables)
   * @return the uploads
   * @throws CivicKitConfigurationException if the daemon's address or the store's settings are wrong
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({Form.class, KeyRing.class})
  @ConditionalOnProperty("civickit.upload.clamd")
  public Uploads civicKitUploads(UploadProperties p, Form form, KeyRing keys, ObjectProvider<DataSource> dataSource,
      CivicKitProperties civickit) {
    String address = String.valueOf(p.clamd()).strip();
    int colon = address.lastIndexOf(':');
    int port = colon <= 0 ? -1 : parsePort(address.substring(colon + 1));
    if (port < 1) {
      throw new CivicKitConfigurationException("civickit.upload.clamd", "civickit.upload.clamd must be host:port, "
          + "such as 127.0.0.1:3310, but was \"" + address + "\".", "Set civickit.upload.clamd to the address of the "
          + "ClamAV daemon's TCPSocket (clamd.conf), or remove it: the upload pages then say files cannot be uploaded.");
    }
    FileStore store = switch (p.store()) {
      case FOLDER -> FileStore.onDisk(p.folder(), keys);
      case DATABASE -> {
        DataSource ds = dataSource.getIfUnique();
        if (ds == null) {
          throw new CivicKitConfigurationException("civickit.upload.store", "civickit.upload.store is database, but "
              + "the application has no DataSource.", "Set spring.datasource.url, or civickit.upload.store=folder.");
        }
        if (civickit.schema().install()) {
          Schema.install(ds, "files");
        }
        yield FileStore.jdbc(ds, keys);
      }
    };
    Uploads.Builder u = Uploads.builder().store(store).scanner(VirusScanner.clamAv(address.substring(0, colon), port));
    for (Question q : form.questions()) {
      if (q.type() == QuestionType.FILE) {
        UploadRules r = UploadRules.from(q);
        long most = p.maxBytes() == null ? r.maxBytes() : Math.min(r.maxBytes(), p.maxBytes().toBytes());
        u.rules(q.id(), new UploadRules(r.allowedTypes(), most, r.minFiles(), r.maxFiles(), r.minImageWidth(),
            r.minImageHeight(), r.maxImageWidth(), r.maxImageHeight(), r.allowPasswordProtectedPdf()));
      }
    }
    return u.build();
  }

  /**
   * Hands the uploads (the starter's or the application's) to the runner.
   *
   * @param uploads the uploads, if there are any
   * @return the customizer
   */
  @Bean
  public JourneyRunnerCustomizer civicKitUploadsCustomizer(ObjectProvider<Uploads> uploads) {
    return runner -> uploads.ifUnique(runner::uploads);
  }

  private static int parsePort(String text) {
    try {
      int port = Integer.parseInt(text);
      return port <= 65535 ? port : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
