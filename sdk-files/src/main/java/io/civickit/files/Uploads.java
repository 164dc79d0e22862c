package io.civickit.files;

import io.civickit.core.JourneyId;
import io.civickit.core.event.EventSink;
import io.civickit.core.event.JourneyEvent;
import io.civickit.files.internal.Checks;
import io.civickit.files.internal.Messages;
import io.civickit.forms.LocalisedText;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File upload for question pages: the one class a web runner calls. Framework-neutral: it takes
 * the journey, the question, the browser's file name and an {@link InputStream} of the bytes.
 *
 * <pre>{@code
 * Uploads uploads = Uploads.builder()
 *     .store(FileStore.jdbc(dataSource, keyRing))
 *     .scanner(VirusScanner.clamAv("127.0.0.1", 3310))
 *     .rules("evidence", UploadRules.builder().files(1, 5).build())
 *     .build();
 * UploadResult r = uploads.receive(journeyId, "evidence", part.filename(), part.contentType(), part.stream());
 * }</pre>
 *
 * <p>Each file goes through, in order: nothing chosen ("Select a file"); the question's file
 * count; an empty file; the real type from its first bytes (Tika), whatever its name or the
 * browser says; its size, counted as it streams into the store (reading stops just past the
 * limit and nothing is kept); a password-protected PDF; an image's dimensions (from its header
 * only); then a virus scan of the stored bytes. Only a clean file is listed. Logs name ids,
 * sizes, types and outcomes; never a file's name or contents.
 */
public final class Uploads {
  private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

  private final FileStore store;
  private final VirusScanner scanner;
  private final Map<String, UploadRules> rules;
  private final @Nullable UploadRules defaultRules;
  private final Clock clock;
  private final Object[] countLocks = new Object[64];

  private Uploads(Builder b) {
    for (int i = 0; i < countLocks.length; i++) {
      countLocks[i] = new Object();
    }
    this.store = b.store;
    this.scanner = b.scanner;
    this.rules = Map.copyOf(b.rules);
    this.defaultRules = b.defaultRules;
    this.clock = b.clock;
  }

  /** @return a builder; a store and a scanner are required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The rules of a question: those given for it, else the default.
   *
   * @throws IllegalArgumentException if the question has none and there is no default
   */
  public UploadRules rules(String questionId) {
    UploadRules r = rules.get(questionId);
    if (r != null) {
      return r;
    }
    if (defaultRules == null) {
      throw new IllegalArgumentException("no upload rules for question '" + questionId + "' and no default rules: "
          + "set them with Uploads.builder().rules(\"" + questionId + "\", ...)");
    }
    return defaultRules;
  }

  /**
   * Checks, stores and scans one file a person sent for a question.
   *
   * @param journeyId the person's journey
   * @param questionId the question
   * @param filename the name the browser sent (untrusted; blank when no file was chosen)
   * @param declaredType the type the browser claimed (untrusted: only the bytes decide; unused
   *     beyond being logged as matching or not)
   * @param content the file's bytes; read at most to just past the size limit; the caller closes it
   * @return stored, rejected with the GOV.UK message, or held because the scanner is down
   * @throws FileStoreException if the store fails (a fault for the service, not the person)
   */
  public UploadResult receive(JourneyId journeyId, String questionId, String filename, String declaredType,
      InputStream content) {
    Objects.requireNonNull(journeyId, "journeyId");
    Objects.requireNonNull(content, "content");
    String name = filename == null ? "" : filename;
    UploadRules r = rules(questionId);
    try {
      BufferedInputStream in = new BufferedInputStream(content, 8192);
      byte[] prefix = in.readNBytes(Checks.PREFIX);
      if (prefix.length == 0) {
        return reject(journeyId, questionId, name.isBlank() ? UploadResult.Reason.NO_FILE : UploadResult.Reason.EMPTY,
            name.isBlank() ? Messages.selectFile() : Messages.empty());
      }
      if (list(journeyId, questionId).size() >= r.maxFiles()) {
        return reject(journeyId, questionId, UploadResult.Reason.TOO_MANY, Messages.tooMany(r.maxFiles()));
      }
      String type = Checks.detect(prefix, prefix.length, name);
      if (!r.accepts(type)) {
        LOG.info("upload refused for journey {} question {}: detected type {} (browser said {}) is not accepted",
            journeyId, questionId, type, safeType(declaredType));
        return reject(journeyId, questionId, UploadResult.Reason.WRONG_TYPE, Messages.wrongType(r.allowedTypes()));
      }
      NewFile file = new NewFile(NewFile.newId(), journeyId, questionId, Filenames.sanitise(name),
          name.length() > 1000 ? name.substring(0, 1000) : name, type, clock.instant());
      Checks.PdfEncryptionWatch pdf = new Checks.PdfEncryptionWatch(
          new Checks.Limited(new SequenceInputStream(new ByteArrayInputStream(prefix), in), r.maxBytes()));
      StoredFile stored;
      try {
        stored = store.put(file, pdf);
      } catch (Checks.TooBig e) {
        return reject(journeyId, questionId, UploadResult.Reason.TOO_BIG, Messages.tooBig(r.maxBytes()));
      }
      return afterStore(stored, r, type.equals("application/pdf") && pdf.encrypted());
    } catch (IOException e) {
      LOG.info("upload for journey {} question {} broke off while reading ({})", journeyId, questionId,
          e.getClass().getSimpleName());
      return reject(journeyId, questionId, UploadResult.Reason.FAILED, Messages.failed());
    }
  }

  private UploadResult afterStore(StoredFile stored, UploadRules r, boolean encryptedPdf) throws IOException {
    JourneyId journeyId = stored.journeyId();
    String questionId = stored.questionId();
    String id = stored.id();
    if (encryptedPdf && !r.allowPasswordProtectedPdf()) {
      store.delete(journeyId, id);
      return reject(journeyId, questionId, UploadResult.Reason.PASSWORD_PROTECTED, Messages.passwordProtected());
    }
    String type = stored.ref().contentType();
    if (type.startsWith("image/")) {
      Checks.ImageHeader header;
      try (InputStream in = openOrFail(stored)) {
        header = Checks.imageHeader(type, in);
      }
      Optional<UploadResult> refused = imageRefusal(header, r);
      if (refused.isPresent()) {
        store.delete(journeyId, id);
        UploadResult.Rejected rej = (UploadResult.Rejected) refused.get();
        return reject(journeyId, questionId, rej.reason(), rej.message());
      }
    }
    return scan(stored);
  }

  private static Optional<UploadResult> imageRefusal(Checks.ImageHeader header, UploadRules r) {
    if (header instanceof Checks.ImageHeader.Broken) {
      return Optional.of(new UploadResult.Rejected(UploadResult.Reason.WRONG_TYPE,
          Messages.wrongType(r.allowedTypes())));
    }
    if (header instanceof Checks.ImageHeader.Read read) {
      Checks.Dimensions d = read.dimensions();
      if (d.width() < r.minImageWidth() || d.height() < r.minImageHeight()) {
        return Optional.of(new UploadResult.Rejected(UploadResult.Reason.IMAGE_TOO_SMALL,
            Messages.imageTooSmall(r.minImageWidth(), r.minImageHeight())));
      }
      if (d.width() > r.maxImageWidth() || d.height() > r.maxImageHeight()) {
        return Optional.of(new UploadResult.Rejected(UploadResult.Reason.IMAGE_TOO_LARGE,
            Messages.imageTooLarge(r.maxImageWidth(), r.maxImageHeight())));
      }
    }
    return Optional.empty();
  }

  private InputStream openOrFail(StoredFile f) {
    return store.open(f.journeyId(), f.id()).orElseThrow(() -> new FileStoreException(
        "file " + f.id() + " was stored but cannot be found: was the journey purged meanwhile?"));
  }

  private UploadResult scan(StoredFile stored) throws IOException {
    ScanResult result;
    try (InputStream in = openOrFail(stored)) {
      result = scanner.scan(in);
    }
    JourneyId journeyId = stored.journeyId();
    if (result instanceof ScanResult.Clean) {
      store.markClean(journeyId, stored.id());
      if (removedOverCount(stored)) {
        int max = rules(stored.questionId()).maxFiles();
        return reject(journeyId, stored.questionId(), UploadResult.Reason.TOO_MANY, Messages.tooMany(max));
      }
      LOG.info("file {} stored for journey {} question {}: {} bytes, {}", stored.id(), journeyId, stored.questionId(),
          stored.ref().size(), stored.ref().contentType());
      return new UploadResult.Stored(stored.ref());
    }
    if (result instanceof ScanResult.Infected infected) {
      store.delete(journeyId, stored.id());
      LOG.warn("file {} for journey {} question {} contains a virus ({}): deleted", stored.id(), journeyId,
          stored.questionId(), infected.signature());
      return new UploadResult.Rejected(UploadResult.Reason.VIRUS, Messages.virus());
    }
    LOG.warn("file {} for journey {} question {} is held: the virus scanner is unavailable ({})", stored.id(),
        journeyId, stored.questionId(), ((ScanResult.ScannerUnavailable) result).reason());
    return new UploadResult.HeldScannerDown(stored.ref(), Messages.scannerDown());
  }

  /**
   * Whether a file just released takes its question past the most files. The count checked
   * before storing cannot see uploads still streaming in beside it; this one, made after the file
   * is listed, can: of files racing for the last place, the one whose check comes last always sees
   * all the others, so the question never ends up with more than its maximum (in a close race
   * both may be refused, never both kept). The checks of one instance take turns (and delete
   * before the next one counts), so there only the extra file is refused.
   *
   * @return true if the file was over the count and is now deleted
   */
  private boolean removedOverCount(StoredFile stored) {
    UploadRules r = rules.get(stored.questionId());
    if (r == null) {
      r = defaultRules;
    }
    if (r == null) {
      return false;
    }
    synchronized (countLocks[Math.floorMod(stored.journeyId().hashCode(), countLocks.length)]) {
      if (list(stored.journeyId(), stored.questionId()).size() <= r.maxFiles()) {
        return false;
      }
      store.delete(stored.journeyId(), stored.id());
      return true;
    }
  }

  private static UploadResult reject(JourneyId journeyId, String questionId, UploadResult.Reason reason,
      LocalisedText message) {
    LOG.info("upload refused for journey {} question {}: {}", journeyId, questionId, reason);
    return new UploadResult.Rejected(reason, message);
  }

  private static String safeType(@Nullable String declared) {
    return declared != null && declared.matches("[A-Za-z0-9!#$&^_.+-]{1,64}/[A-Za-z0-9!#$&^_.+-]{1,64}")
        ? declared : "(unusual)";
  }

  /**
   * The refusal of a file over a question's size limit, for a web layer that refuses a request
   * by its declared length before reading any of it (so {@link #receive} never sees the file).
   *
   * @param questionId the question
   * @return "The selected file must be smaller than 10MB" (with the question's limit)
   * @throws IllegalArgumentException if the question has no rules and there is no default
   */
  public UploadResult.Rejected tooBig(String questionId) {
    return new UploadResult.Rejected(UploadResult.Reason.TOO_BIG, Messages.tooBig(rules(questionId).maxBytes()));
  }

  /**
   * Scans again every file of the journey held because the scanner was down: clean ones are
   * released, infected ones deleted, the rest stay held.
   *
   * @return the outcome for each held file, oldest first
   */
  public List<UploadResult> rescanHeld(JourneyId journeyId) {
    List<UploadResult> out = new ArrayList<>();
    for (StoredFile f : store.list(journeyId)) {
      if (f.state() == FileState.QUARANTINED) {
        try {
          out.add(scan(f));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  /**
   * The clean files of a question, oldest first: for the upload page's list, check your answers
   * and the submission. Held and refused files never appear.
   */
  public List<FileRef> list(JourneyId journeyId, String questionId) {
    List<FileRef> out = new ArrayList<>();
    for (StoredFile f : store.list(journeyId)) {
      if (f.state() == FileState.CLEAN && f.questionId().equals(questionId)) {
        out.add(f.ref());
      }
    }
    return out;
  }

  /**
   * Removes a file from a question (the "Remove" button; call only on POST).
   *
   * @param fileId the id from the form (untrusted: a file of another journey or question is not found)
   * @return true if the file was this journey's and question's and is now deleted
   */
  public boolean remove(JourneyId journeyId, String questionId, String fileId) {
    for (StoredFile f : store.list(journeyId)) {
      if (f.id().equals(fileId) && f.questionId().equals(questionId)) {
        boolean deleted = store.delete(journeyId, fileId);
        if (deleted) {
          LOG.info("file {} removed from journey {} question {}", fileId, journeyId, questionId);
        }
        return deleted;
      }
    }
    return false;
  }

  /**
   * Whether a question has enough files for the person to continue (its minimum).
   *
   * @return the message to show ("Select a file", "Select at least 2 files") or empty when enough
   */
  public Optional<LocalisedText> checkEnough(JourneyId journeyId, String questionId) {
    int min = rules(questionId).minFiles();
    return list(journeyId, questionId).size() >= min ? Optional.empty() : Optional.of(Messages.selectAtLeast(min));
  }

  /**
   * Opens a clean file's bytes (for the submission, or staff downloading it).
   *
   * @return the bytes, or empty if the journey has no such clean file
   */
  public Optional<InputStream> open(JourneyId journeyId, String fileId) {
    for (StoredFile f : store.list(journeyId)) {
      if (f.id().equals(fileId) && f.state() == FileState.CLEAN) {
        return store.open(journeyId, fileId);
      }
    }
    return Optional.empty();
  }

  /**
   * Deletes every file of a journey: call it wherever the journey is deleted or purged, e.g.
   * for each id a retention job purges.
   *
   * @return how many files were deleted
   */
  public int purge(JourneyId journeyId) {
    int n = store.purge(journeyId);
    if (n > 0) {
      LOG.info("{} files purged with journey {}", n, journeyId);
    }
    return n;
  }

  /**
   * An event sink that purges a journey's files when the journey expires: add it to the
   * journeys' sinks ({@code EventSink.all(EventSink.jdbc(ds), uploads.purgeOnExpiry())}).
   * {@code Journeys.purgeExpired()} publishes {@code Expired} only for journeys left unfinished;
   * purge a finished journey's files yourself once the submission has taken them (or when your
   * retention period for evidence ends). A purge that fails is logged (ids only) and the event
   * carries on, as an event sink must.
   *
   * @return the sink
   */
  public EventSink purgeOnExpiry() {
    return event -> {
      if (event instanceof JourneyEvent.Expired expired) {
        JourneyId id = expired.subject().journeyId();
        try {
          purge(id);
        } catch (RuntimeException e) {
          LOG.warn("could not purge the files of expired journey {} ({}): purge them again later", id,
              e.getClass().getSimpleName());
        }
      }
    };
  }

  /** Builds {@link Uploads}. */
  public static final class Builder {
    private @Nullable FileStore store;
    private @Nullable VirusScanner scanner;
    private final Map<String, UploadRules> rules = new HashMap<>();
    private @Nullable UploadRules defaultRules;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Where files are kept (required). */
    public Builder store(FileStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The virus scanner (required: there is no way to accept files unscanned). */
    public Builder scanner(VirusScanner scanner) {
      this.scanner = Objects.requireNonNull(scanner, "scanner");
      return this;
    }

    /**
     * The rules for one question.
     *
     * @throws IllegalArgumentException if the question already has rules
     */
    public Builder rules(String questionId, UploadRules rules) {
      Objects.requireNonNull(rules, "rules");
      if (this.rules.putIfAbsent(questionId, rules) != null) {
        throw new IllegalArgumentException("question '" + questionId + "' already has upload rules");
      }
      return this;
    }

    /** The rules for questions without their own (default: none, so each question needs its own). */
    public Builder defaultRules(UploadRules rules) {
      this.defaultRules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /** The clock files are timestamped with (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @return the uploads
     * @throws IllegalStateException if the store or the scanner is missing
     */
    public Uploads build() {
      if (store == null) {
        throw new IllegalStateException("Uploads needs a store: call store(FileStore.onDisk(...)) or store(FileStore.jdbc(...))");
      }
      if (scanner == null) {
        throw new IllegalStateException("Uploads needs a virus scanner: call scanner(VirusScanner.clamAv(host, port))");
      }
      return new Uploads(this);
    }
  }
}
