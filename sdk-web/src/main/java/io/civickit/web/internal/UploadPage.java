package io.civickit.web.internal;

import io.civickit.core.Actor;
import io.civickit.core.Answer;
import io.civickit.core.Journey;
import io.civickit.core.Value;
import io.civickit.core.internal.crypto.Digests;
import io.civickit.files.FileRef;
import io.civickit.files.UploadResult;
import io.civickit.files.UploadRules;
import io.civickit.files.Uploads;
import io.civickit.files.html.FileUploadField;
import io.civickit.files.html.FileUploadHtml;
import io.civickit.forms.Form;
import io.civickit.forms.Page;
import io.civickit.forms.Question;
import io.civickit.forms.QuestionType;
import io.civickit.forms.html.SummaryRow;
import io.civickit.web.Exchange;
import io.civickit.web.PageOptions;
import io.civickit.web.StepPage;
import io.civickit.web.WebResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page of a form page whose question is a file question: GOV.UK's file upload pattern.
 * It lists the files added so far (each with a Remove button), offers the upload input until
 * the question has its most files, and Continue checks there are enough. Three forms, no
 * JavaScript needed: Remove and Continue are ordinary POSTs; Upload file is the only
 * {@code multipart/form-data} one, read as a stream by {@link #receive}: the CSRF token (the
 * first field) is checked before any byte of the file is stored, the body is bounded before it
 * is read, and a file over the question's limit gets the GOV.UK message on the page.
 *
 * <p>Files live in sdk-files' {@link Uploads} (checked, stored encrypted, scanned by ClamAV);
 * the journey's answer holds their {@link FileRef}s ({@link FileRef#toValue(List)}), kept in
 * step with every upload and removal once the page has been answered. Without {@link Uploads}
 * (no virus scanner configured) the page says files cannot be uploaded: a file is never
 * accepted unscanned.
 */
public final class UploadPage implements StepPage {
  private static final Logger LOG = LoggerFactory.getLogger(UploadPage.class);
  /** Room in an upload request for its other fields and the part headers, beyond the file. */
  static final long HEADROOM = 64 * 1024;
  /** A request declared larger than the bound, up to this many times it, is read and thrown away
   * so the browser shows the page with the message (a browser cut off mid-send shows an error). */
  static final int DRAIN_FACTOR = 4;
  private static final int FIELD_BYTES = 4096;
  private static final int MAX_PARTS = 10;

  private final Page page;
  private final Question question;
  private final Optional<Uploads> uploads;

  private UploadPage(Page page, Question question, Optional<Uploads> uploads) {
    this.page = page;
    this.question = question;
    this.uploads = uploads;
  }

  /**
   * The step pages with an upload page added for each form page that asks a file question
   * (unless the host gave that step a page of its own).
   *
   * @param form the form
   * @param uploads the uploads, or empty when no virus scanner is configured
   * @param given the pages the host registered
   * @return all the step pages
   * @throws IllegalStateException if a file question shares its page, or has no upload rules
   */
  public static Map<String, StepPage> withUploadPages(Form form, Optional<Uploads> uploads,
      Map<String, StepPage> given) {
    Map<String, StepPage> out = new LinkedHashMap<>(given);
    for (Page p : form.pages()) {
      List<Question> files = p.questions().stream().filter(q -> q.type() == QuestionType.FILE).toList();
      if (files.isEmpty() || given.containsKey(p.id())) {
        continue;
      }
      if (p.questions().size() != 1) {
        throw new IllegalStateException("page '" + p.id() + "' asks the file question '" + files.get(0).id()
            + "' with other questions: put a file question on a page of its own");
      }
      Question q = files.get(0);
      uploads.ifPresent(u -> {
        try {
          u.rules(q.id());
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException("the form's file question '" + q.id() + "' has no upload rules: add "
              + "Uploads.builder().rules(\"" + q.id() + "\", UploadRules.from(question)) or defaultRules(...)", e);
        }
      });
      out.put(p.id(), new UploadPage(p, q, uploads));
    }
    if (uploads.isEmpty() && out.values().stream().anyMatch(UploadPage.class::isInstance)) {
      LOG.warn("the form asks for files but no virus scanner is configured: its upload pages refuse files "
          + "(set upload-clamd, or JourneyRunner.Builder.uploads)");
    }
    return out;
  }

  /** The uploads of the runner's upload pages, if any (for purging files with their journeys). */
  static Optional<Uploads> uploadsOf(Map<String, StepPage> pages) {
    return pages.values().stream().filter(UploadPage.class::isInstance).map(p -> ((UploadPage) p).uploads)
        .flatMap(Optional::stream).findFirst();
  }

  private UploadRules rules() {
    return uploads.map(u -> u.rules(question.id())).orElseGet(() -> UploadRules.from(question));
  }

  /** The most bytes an upload request may have: the file's limit and room for the rest. */
  long maxRequestBytes() {
    return rules().maxBytes() + HEADROOM;
  }

  private List<FileRef> files(Journey j) {
    return uploads.map(u -> u.list(j.id(), question.id())).orElse(List.of());
  }

  private static String base(ExchangeImpl ex) {
    return ex.path().startsWith("/change/") ? "/change/" : "/apply/";
  }

  // ------------------------------------------------------------------------------------- GET

  @Override
  public WebResponse show(Exchange exchange, Journey journey) {
    return render((ExchangeImpl) exchange, journey, Optional.empty());
  }

  /** The page reached by a Change link from check your answers. */
  WebResponse showChange(ExchangeImpl ex, Journey j) {
    return render(ex, j, Optional.empty());
  }

  private WebResponse render(ExchangeImpl ex, Journey j, Optional<String> error) {
    Engine engine = ex.engine();
    Locale l = ex.locale();
    boolean change = base(ex).equals("/change/");
    String action = ex.url(base(ex) + page.id());
    List<FileRef> files = files(j);
    UploadRules r = rules();
    String label = question.label().in(l);
    String title = page.title().map(x -> x.in(l)).orElse(label);
    String inputId = question.id();
    String target = uploads.isPresent() && files.size() < r.maxFiles() ? inputId : question.id() + "-continue";
    StringBuilder c = new StringBuilder();
    error.ifPresent(m -> c.append(Html.errorSummary(l, List.<String[]>of(new String[] {target, m}))));
    c.append(Html.h1(label));
    question.hint().ifPresent(h -> c.append(Html.p(h.in(l))));
    if (r.maxFiles() > 1) {
      c.append(Html.p(engine.words.t(l, "upload.most").replace("{max}", Integer.toString(r.maxFiles()))));
    }
    if (!files.isEmpty()) {
      c.append("<h2 class=\"govuk-heading-m\">").append(Html.e(engine.words.t(l, "upload.files"))).append("</h2>")
          .append("<form method=\"post\" action=\"").append(Html.a(action)).append("\" novalidate>")
          .append(ex.csrfField()).append(FileUploadHtml.uploadedFiles(files, "remove", l)).append("</form>");
    }
    if (uploads.isEmpty()) {
      c.append(warning(engine.words.t(l, "upload.unavailable")));
    } else if (files.size() < r.maxFiles()) {
      String labelText = engine.words.t(l, files.isEmpty() ? "upload.first" : "upload.another");
      FileUploadField field = new FileUploadField(inputId, inputId, labelText, "govuk-label--m", false,
          Optional.empty(), error.filter(x -> target.equals(inputId)), "", false, Optional.of(accept(r)), false, false,
          "", "", l);
      c.append("<form method=\"post\" action=\"").append(Html.a(action))
          .append("\" enctype=\"multipart/form-data\" novalidate>").append(ex.csrfField())
          .append(FileUploadHtml.fileUpload(field))
          .append(Html.button(engine.words.t(l, "upload.button"), Optional.of("upload"), true, "upload"))
          .append("</form>");
    } else {
      c.append(Html.p(engine.words.t(l, "upload.full")));
    }
    c.append("<form method=\"post\" action=\"").append(Html.a(action)).append("\" novalidate>")
        .append(ex.csrfField())
        .append("<div class=\"govuk-button-group\" id=\"").append(Html.a(question.id() + "-continue")).append("\">")
        .append(Html.button(engine.words.t(l, "continue"), Optional.of("continue"), false, "continue"));
    if (!change) {
      c.append(Html.button(engine.words.t(l, "save.button"), Optional.of("save"), true, "save"));
    }
    c.append("</div></form>");
    PageOptions o = PageOptions.CITIZEN.errors(error.isPresent());
    Optional<String> back = change ? Optional.of(Form.CHECK_ANSWERS) : previous(j);
    if (back.isPresent()) {
      o = o.back("/apply/" + back.get());
    }
    return ex.page(title, c.toString(), o);
  }

  private Optional<String> previous(Journey j) {
    List<String> h = j.history();
    int at = page.id().equals(j.currentStep()) ? h.size() : h.lastIndexOf(page.id());
    return at > 0 ? Optional.of(h.get(at - 1)) : Optional.empty();
  }

  private static String warning(String text) {
    return "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
        + "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
        + Html.e(text) + "</strong></div>";
  }

  /** The input's {@code accept}: a hint for the browser's file picker (the bytes decide). */
  private static String accept(UploadRules r) {
    return r.allowedTypes().stream().map(t -> switch (t) {
      case "image/jpeg" -> ".jpg,.jpeg";
      case "image/png" -> ".png";
      case "application/pdf" -> ".pdf";
      default -> t;
    }).collect(Collectors.joining(","));
  }

  // ------------------------------------------------------------------------------------- POST (form)

  @Override
  public WebResponse submit(Exchange exchange, Journey journey) {
    return submit((ExchangeImpl) exchange, journey, false);
  }

  /** A POST to the page reached from check your answers. */
  WebResponse submitChange(ExchangeImpl ex, Journey j) {
    return submit(ex, j, true);
  }

  private WebResponse submit(ExchangeImpl ex, Journey j, boolean change) {
    Engine engine = ex.engine();
    String here = (change ? "/change/" : "/apply/") + page.id();
    Optional<String> remove = ex.formValue("remove");
    if (remove.isPresent()) {
      if (uploads.isPresent() && uploads.get().remove(j.id(), question.id(), remove.get())) {
        keepAnswerInStep(engine, j);
      }
      return ex.redirect(here);
    }
    String action = ex.formValue("action").orElse("");
    if (action.equals("save") && !change) {
      return ex.redirect("/save");
    }
    if (!action.equals("continue")) {
      return ex.redirect(here);
    }
    Locale l = ex.locale();
    if (uploads.isEmpty()) {
      if (question.required()) {
        return render(ex, j, Optional.of(engine.words.t(l, "upload.unavailable.continue")));
      }
      return moveOn(ex, j, change, List.of());
    }
    Optional<String> notEnough = uploads.get().checkEnough(j.id(), question.id()).map(m -> m.in(l));
    if (notEnough.isPresent()) {
      return render(ex, j, notEnough);
    }
    return moveOn(ex, j, change, files(j));
  }

  /**
   * Submits the page as a form page would be, then records the files as the answer. The form's
   * validation sees the first file's name, size and type (as its own file input would send them);
   * the answer then holds every file's reference.
   */
  private WebResponse moveOn(ExchangeImpl ex, Journey j, boolean change, List<FileRef> files) {
    Engine engine = ex.engine();
    Journey at = change ? engine.journeys.change(j.id(), page.id(), Form.CHECK_ANSWERS) : j;
    Map<String, List<String>> input = new LinkedHashMap<>();
    if (!files.isEmpty()) {
      FileRef first = files.get(0);
      input.put(question.id() + "-name", List.of(first.name()));
      input.put(question.id() + "-size", List.of(Long.toString(first.size())));
      input.put(question.id() + "-type", List.of(first.contentType()));
    }
    boolean[] invalid = {false};
    WebResponse r = ex.submitStep(at, page.id(), input, bad -> {
      invalid[0] = true;
      return render(ex, bad.journey(), Optional.of(bad.errors().get(0).message()));
    });
    if (!invalid[0] && !files.isEmpty()) {
      Engine.retryConflicts(() -> {
        engine.journeys.update(j.id(), x -> x.toBuilder().answer(question.id(), answer(files)).build());
        return r;
      });
    }
    return r;
  }

  private Answer answer(List<FileRef> files) {
    return new Answer(FileRef.toValue(files), Optional.of(files.stream().map(FileRef::name)
        .collect(Collectors.joining("\n"))), Actor.citizen(), false);
  }

  /** After an upload or a removal on a page already answered: the answer lists the files as they are now. */
  private void keepAnswerInStep(Engine engine, Journey j) {
    if (!j.answers().containsKey(question.id())) {
      return;
    }
    Engine.retryConflicts(() -> {
      engine.journeys.update(j.id(), x -> {
        if (!x.answers().containsKey(question.id())) {
          return x;
        }
        List<FileRef> now = files(x);
        return now.isEmpty()
            ? (question.required() ? x.toBuilder().removeAnswer(question.id()).build()
                : x.toBuilder().answer(question.id(), new Answer(Value.items(List.of()), Optional.empty(),
                    Actor.citizen(), false)).build())
            : x.toBuilder().answer(question.id(), answer(now)).build();
      });
      return null;
    });
  }

  // ------------------------------------------------------------------------------------- POST (multipart)

  /**
   * The multipart POST of the Upload file button, answered before the runner reads any body:
   * a session and a journey on this page first (else the body is not read), the declared length
   * against the bound, then the parts as they stream in: the CSRF token must have arrived, and
   * match, before a file part is passed to {@link Uploads#receive}.
   */
  WebResponse receive(ExchangeImpl ex, boolean change) {
    Engine engine = ex.engine();
    if (ex.existingSession().isEmpty()) {
      return engine.forbidden(ex.request(), Optional.empty()).withHeader("Connection", "close");
    }
    Optional<Journey> maybe = ex.journey();
    boolean here = maybe.isPresent() && !maybe.get().status().isFinal() && (change
        ? maybe.get().history().contains(page.id()) : page.id().equals(maybe.get().currentStep()));
    if (!here) {
      return ex.redirect(maybe.map(x -> "/apply/" + x.currentStep()).orElse("/")).withHeader("Connection", "close");
    }
    Journey j = maybe.get();
    if (uploads.isEmpty()) {
      return render(ex, j, Optional.of(engine.words.t(ex.locale(), "upload.unavailable")))
          .withHeader("Connection", "close");
    }
    Uploads u = uploads.get();
    long bound = maxRequestBytes();
    Optional<Long> declared;
    try {
      declared = Multipart.declaredLength(ex.request());
    } catch (Requests.Malformed e) {
      return engine.errorPage(ex.request(), 400, "bad.title", "bad.text").withHeader("Connection", "close");
    }
    if (declared.isPresent() && declared.get() > bound) {
      LOG.info("upload refused for journey {} question {}: request of {} bytes over {}", j.id(), question.id(),
          declared.get(), bound);
      boolean drained = declared.get() <= bound * DRAIN_FACTOR && drain(ex, bound * DRAIN_FACTOR);
      WebResponse r = render(ex, j, Optional.of(u.tooBig(question.id()).message().in(ex.locale())));
      return drained ? r : r.withHeader("Connection", "close");
    }
    Optional<UploadResult> result = Optional.empty();
    boolean csrfOk = false;
    Map<String, String> fields = new LinkedHashMap<>();
    try {
      Multipart.Parts parts = Multipart.read(ex.request(), bound, MAX_PARTS);
      for (Optional<Multipart.Part> next = parts.next(); next.isPresent(); next = parts.next()) {
        Multipart.Part part = next.get();
        if (!part.isFile()) {
          if (fields.putIfAbsent(part.name(), Multipart.value(part, FIELD_BYTES)) == null && part.name().equals("csrf")) {
            csrfOk = csrfMatches(ex, fields.get("csrf"));
          }
          continue;
        }
        if (!csrfOk) {
          // no token before the file (or a wrong one): nothing is read further, nothing stored
          return engine.forbidden(ex.request(), ex.existingSession()).withHeader("Connection", "close");
        }
        if (part.name().equals(question.id()) && result.isEmpty()) {
          try (InputStream in = part.stream()) {
            result = Optional.of(u.receive(j.id(), question.id(), part.filename(), part.contentType(), in));
          }
        }
      }
    } catch (Requests.TooLarge e) {
      return render(ex, j, Optional.of(u.tooBig(question.id()).message().in(ex.locale())))
          .withHeader("Connection", "close");
    } catch (Requests.Malformed e) {
      LOG.info("refused a malformed upload for journey {} question {}", j.id(), question.id());
      return engine.errorPage(ex.request(), 400, "bad.title", "bad.text").withHeader("Connection", "close");
    } catch (IOException e) {
      if (Multipart.isOverLimit(e)) {
        return render(ex, j, Optional.of(u.tooBig(question.id()).message().in(ex.locale())))
            .withHeader("Connection", "close");
      }
      LOG.info("an upload for journey {} question {} broke off: {}", j.id(), question.id(), e.getClass().getName());
      return engine.errorPage(ex.request(), 400, "bad.title", "bad.text").withHeader("Connection", "close");
    }
    if (!csrfOk) {
      return engine.forbidden(ex.request(), ex.existingSession());
    }
    UploadResult r = result.orElseGet(() -> u.receive(j.id(), question.id(), "", "", InputStream.nullInputStream()));
    if (r instanceof UploadResult.Stored) {
      keepAnswerInStep(engine, j);
      return ex.redirect(base(ex) + page.id());
    }
    String message = r instanceof UploadResult.Rejected x ? x.message().in(ex.locale())
        : ((UploadResult.HeldScannerDown) r).message().in(ex.locale());
    return render(ex, j, Optional.of(message));
  }

  private static boolean csrfMatches(ExchangeImpl ex, String sent) {
    String expected = ex.existingSession().flatMap(s -> s.get("csrf")).orElse("");
    return !expected.isEmpty() && Digests.equal(sent, expected);
  }

  /** Reads and throws away a body of at most {@code limit} bytes. */
  private static boolean drain(ExchangeImpl ex, long limit) {
    try (InputStream in = ex.request().body()) {
      long n = in.transferTo(new OutputStream() {
        private long seen;

        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          seen += len;
          if (seen > limit) {
            throw new IOException("over the drain limit");
          }
        }
      });
      return n <= limit;
    } catch (IOException e) {
      return false;
    }
  }

  // ------------------------------------------------------------------------------------- check answers

  /**
   * Check your answers with each file question's row showing its files by name and size.
   *
   * @param rows the rows sdk-forms made
   * @param j the journey
   * @param pages the step pages
   * @param paths where the service is mounted, for the Change links
   * @param l the language
   * @return the rows, file questions' replaced
   */
  static List<SummaryRow> withFiles(List<SummaryRow> rows, Journey j, Map<String, StepPage> pages, Paths paths,
      Locale l) {
    Map<String, UploadPage> byQuestion = new LinkedHashMap<>();
    pages.values().stream().filter(UploadPage.class::isInstance).map(UploadPage.class::cast)
        .forEach(p -> byQuestion.put(p.question.id(), p));
    if (byQuestion.isEmpty()) {
      return rows;
    }
    List<SummaryRow> out = new ArrayList<>();
    for (SummaryRow row : rows) {
      UploadPage p = byQuestion.get(row.questionId());
      out.add(p == null ? row : FileUploadHtml.summaryRow(row.questionId(), row.key(), p.files(j),
          Optional.of(paths.to("/change/" + p.page.id())), l));
    }
    return out;
  }
}
