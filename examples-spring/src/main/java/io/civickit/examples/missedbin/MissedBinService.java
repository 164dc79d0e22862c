package io.civickit.examples.missedbin;

import io.civickit.core.handoff.HandoffChannel;
import io.civickit.forms.address.Address;
import io.civickit.forms.address.AddressLookup;
import io.civickit.notify.Notifier;
import io.civickit.notify.handoff.TeamEmailHandoffChannel;
import io.civickit.notify.template.Templates;
import io.civickit.web.RunnerTemplates;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

/**
 * "Report a missed bin collection" on Spring Boot: the form is {@code forms/missed-bin.json},
 * everything else is {@code application.yml} and the CivicKit starter. This class adds only
 * what is particular to the service: its emails and where a report goes when no adviser can
 * take it.
 *
 * <pre>
 * mvn -q -pl examples-spring -am -DskipTests package exec:java
 * </pre>
 */
@SpringBootApplication
public class MissedBinService {

  /**
   * Starts the service.
   *
   * @param args Spring Boot's arguments, for example {@code --server.port=8081}
   */
  public static void main(String[] args) {
    SpringApplication.run(MissedBinService.class, args);
  }

  /**
   * The runner's emails (the code, save and return, confirmation, continue online) and the
   * waste team's handoff email.
   *
   * @return the templates the outbox renders with
   */
  @Bean
  Templates templates() {
    return RunnerTemplates.defaults()
        .email(TeamEmailHandoffChannel.DEFAULT_TEMPLATE_ID, TeamEmailHandoffChannel.DEFAULT_SUBJECT,
            TeamEmailHandoffChannel.DEFAULT_BODY)
        .build();
  }

  /**
   * The council's addresses, for "find an address" on the address page: a few streets from a
   * file here; a council plugs in its gazetteer or OS Places behind the same interface.
   *
   * @param csv {@code uprn,line1,town,postcode}, with a heading row
   * @return the lookup
   * @throws IOException if the file cannot be read
   */
  @Bean
  AddressLookup gazetteer(@Value("classpath:addresses.csv") Resource csv) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
      return AddressLookup.inMemory(in.lines().skip(1).map(line -> line.split(","))
          .map(f -> new Address(f[0], List.of(f[1]), f[2], f[3])).toList());
    }
  }

  /**
   * When the agent console cannot take someone who asked for help, their report goes to the
   * waste team's inbox with their answers so far, through the durable outbox.
   *
   * @param notifier the outbox
   * @param team the waste team's address
   * @return the channel
   */
  @Bean
  HandoffChannel wasteTeam(Notifier notifier, @Value("${missed-bin.team-email}") String team) {
    return TeamEmailHandoffChannel.builder(notifier, team).build();
  }
}
