package io.civickit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.civickit.notify.RenderedMessage;
import io.civickit.notify.template.MissingPersonalisationException;
import io.civickit.notify.template.SmsCharacterPolicy;
import io.civickit.notify.template.SmsMessage;
import io.civickit.notify.template.SmsTooLongException;
import io.civickit.notify.template.Template;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code civickit template}: preview Notify-compatible templates. */
@Command(name = "template", mixinStandardHelpOptions = true,
    description = "Work with Notify-compatible message templates.",
    subcommands = {TemplateCommand.Render.class})
public final class TemplateCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The kinds of template the command renders. */
  public enum Type { email, sms, letter }

  /**
   * {@code civickit template render FILE --type email|sms|letter --personalisation P.json
   * [--subject TEXT]}: prints the rendered message as JSON. Exit status 0 when rendered, 1 when
   * personalisation is missing (the names are printed) or a text message is too long, 2 for a
   * usage error.
   */
  @Command(name = "render", mixinStandardHelpOptions = true,
      description = "Render a template file with personalisation and print the result as JSON: "
          + "subject, body, html (email), encoding, fragments, characters (sms).")
  public static final class Render implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEMPLATE_FILE", description = "The template body (UTF-8).")
    Path templateFile;

    @Option(names = "--type", required = true, description = "email, sms or letter.")
    Type type;

    @Option(names = "--personalisation", paramLabel = "P.json",
        description = "A JSON object of personalisation values (strings, numbers, booleans, lists).")
    Path personalisation;

    @Option(names = "--subject", paramLabel = "TEXT",
        description = "The subject (email) or heading (letter).")
    String subject;

    @Option(names = "--sms-policy", paramLabel = "POLICY", defaultValue = "GSM_AND_WELSH",
        description = "SMS characters: GSM_AND_WELSH (downgrade others, the default) or "
            + "ALL_CHARACTERS (keep every character, send UCS-2 when needed).")
    SmsCharacterPolicy smsPolicy;

    @Override
    public Integer call() throws JsonProcessingException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      String body;
      Map<String, Object> values;
      try {
        body = Files.readString(templateFile, StandardCharsets.UTF_8);
        values = personalisation == null
            ? Map.of()
            : JSON.readValue(personalisation.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
      } catch (IOException e) {
        err.println("cannot read the template or personalisation: " + e.getMessage());
        err.flush();
        return 2;
      }
      if (type != Type.sms && (subject == null || subject.isBlank())) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--subject is required for an " + type + " template");
      }
      Map<String, Object> result = new LinkedHashMap<>();
      try {
        switch (type) {
          case email -> {
            RenderedMessage.Email email = Template.email(subject, body).render(values);
            result.put("subject", email.subject());
            result.put("body", email.plainText());
            result.put("html", email.html());
          }
          case sms -> {
            SmsMessage sms = Template.sms(body).render(values, smsPolicy);
            result.put("body", sms.text());
            result.put("encoding", sms.info().encoding().label());
            result.put("fragments", sms.info().fragments());
            result.put("characters", sms.info().characters());
          }
          case letter -> {
            RenderedMessage.Letter letter = Template.letter(subject, body).render(List.of(), values);
            result.put("subject", letter.subject());
            result.put("body", letter.body());
          }
          default -> throw new IllegalStateException("unknown type " + type);
        }
      } catch (MissingPersonalisationException e) {
        err.println(e.getMessage());
        err.flush();
        return 1;
      } catch (SmsTooLongException e) {
        err.println(e.getMessage());
        err.flush();
        return 1;
      }
      out.println(json(result));
      out.flush();
      return 0;
    }

    private static String json(Map<String, Object> result) throws JsonProcessingException {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result);
    }
  }
}
