package io.civickit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.civickit.core.JourneyId;
import io.civickit.core.progress.KeyRing;
import io.civickit.files.FileStore;
import io.civickit.files.UploadResult;
import io.civickit.files.UploadRules;
import io.civickit.files.Uploads;
import io.civickit.files.VirusScanner;
import io.civickit.testsupport.ClamdServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Uploads from {@code civickit.upload.*}, scanning with a real clamd the test starts (its own signatures). */
class UploadAutoConfigurationTest {
  static final byte[] PNG = png();
  /** A PNG with the EICAR test file appended: the right type, so only the virus scan catches it. */
  static final byte[] INFECTED_PNG = concat(PNG, ClamdServer.eicar());

  @RegisterExtension static final ClamdServer CLAMD = new ClamdServer(INFECTED_PNG);

  static WebApplicationContextRunner web() {
    return RunnerParts.web().withPropertyValues("civickit.web.form=classpath:forms/photo.json");
  }

  static byte[] png() {
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    img.setRGB(3, 4, 0x00703c);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static String latin1(byte[] bytes) {
    return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  static UploadResult send(Uploads uploads, JourneyId journey, String name, byte[] bytes) {
    return uploads.receive(journey, "photo", name, "image/png", new ByteArrayInputStream(bytes));
  }

  @Test
  void aClamdGivesTheRunnerUploadsThatKeepACleanPhotoEncryptedAndRefuseAVirus(@TempDir Path folder) throws Exception {
    web().withPropertyValues("civickit.upload.clamd=127.0.0.1:" + CLAMD.port(), "civickit.upload.folder=" + folder,
        "civickit.upload.max-bytes=5MB").run(ctx -> {
          assertThat(ctx).hasNotFailed().hasSingleBean(Uploads.class);
          Uploads uploads = ctx.getBean(Uploads.class);
          UploadRules rules = uploads.rules("photo");
          assertThat(rules.maxBytes()).as("the property lowers the question's 10MB").isEqualTo(5L * 1024 * 1024);
          assertThat(rules.allowedTypes()).containsExactly("image/jpeg", "image/png");
          assertThat(rules.minFiles()).as("an optional question").isZero();

          JourneyId journey = JourneyId.random();
          assertThat(send(uploads, journey, "bin.png", PNG)).isInstanceOf(UploadResult.Stored.class);
          JourneyId other = JourneyId.random();
          UploadResult virus = send(uploads, other, "bin2.png", INFECTED_PNG);
          assertThat(virus).isInstanceOfSatisfying(UploadResult.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(UploadResult.Reason.VIRUS);
            assertThat(r.message().en()).isEqualTo("The selected file contains a virus");
          });
          assertThat(uploads.list(other, "photo")).isEmpty();
          assertThat(uploads.list(journey, "photo")).singleElement().satisfies(f -> assertThat(f.name())
              .isEqualTo("bin.png"));
          try (var files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("kept encrypted in the folder").isNotEmpty()
                .allSatisfy(f -> assertThat(latin1(Files.readAllBytes(f))).doesNotContain(latin1(PNG)));
          }
        });
  }

  @Test
  void inTheDatabaseStoreTheFilesTableIsCreated() {
    web().withPropertyValues("civickit.upload.clamd=127.0.0.1:" + CLAMD.port(), "civickit.upload.store=database")
        .run(ctx -> {
          Uploads uploads = ctx.getBean(Uploads.class);
          JourneyId journey = JourneyId.random();
          assertThat(send(uploads, journey, "bin.png", PNG)).isInstanceOf(UploadResult.Stored.class);
          assertThat(uploads.list(journey, "photo")).hasSize(1);
        });
  }

  @Test
  void withoutAClamdThereAreNoUploads() {
    web().run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(Uploads.class));
  }

  @Test
  void withoutSdkFilesThereAreNoUploads() {
    web().withPropertyValues("civickit.upload.clamd=127.0.0.1:" + CLAMD.port())
        .withClassLoader(new FilteredClassLoader(Uploads.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(Uploads.class));
  }

  @Test
  void theApplicationsOwnUploadsWin(@TempDir Path folder) {
    Uploads own = Uploads.builder().store(FileStore.onDisk(folder, KeyRing.generate("k1")))
        .scanner(VirusScanner.clamAv("127.0.0.1", CLAMD.port())).defaultRules(UploadRules.builder().build()).build();
    web().withPropertyValues("civickit.upload.clamd=not-an-address").withBean(Uploads.class, () -> own)
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(Uploads.class)).isSameAs(own);
        });
  }

  @Test
  void aClamdAddressWithoutAPortStopsTheStartSayingWhatToSet() {
    web().withPropertyValues("civickit.upload.clamd=localhost").run(ctx -> {
      var a = Contexts.analysis(ctx.getStartupFailure());
      assertThat(a.getDescription())
          .isEqualTo("civickit.upload.clamd must be host:port, such as 127.0.0.1:3310, but was \"localhost\".");
      assertThat(a.getAction()).isEqualTo("Set civickit.upload.clamd to the address of the ClamAV daemon's TCPSocket "
          + "(clamd.conf), or remove it: the upload pages then say files cannot be uploaded.");
    });
  }
}
