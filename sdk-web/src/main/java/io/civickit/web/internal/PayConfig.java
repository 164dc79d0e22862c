package io.civickit.web.internal;

import io.civickit.pay.GovUkPay;
import io.civickit.pay.fee.FeeRules;
import java.util.Optional;

/**
 * The payment step's settings, as {@code JourneyRunner.Builder.payments} collected them.
 *
 * @param client the GOV.UK Pay client
 * @param fees the fee rules
 * @param description what is paid for, on GOV.UK Pay's page
 * @param webhookSecret the webhooks' signing secret, when webhooks are accepted
 */
public record PayConfig(GovUkPay client, FeeRules fees, String description, Optional<String> webhookSecret) {
  @Override
  public String toString() {
    return "PayConfig[" + client + ", webhooks=" + webhookSecret.isPresent() + "]";
  }
}
