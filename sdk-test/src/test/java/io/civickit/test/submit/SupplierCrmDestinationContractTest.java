package io.civickit.test.submit;

import io.civickit.notify.channel.SendResult;
import io.civickit.submit.Delivery;
import io.civickit.submit.Destination;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A supplier's destination passing the contract: a council CRM that opens a case per submission
 * and can be asked whether it has a case for a submission id. The CRM here is in memory; a real
 * adapter would call the CRM's API in the same places.
 */
class SupplierCrmDestinationContractTest extends DestinationContract {

  /** The supplier's CRM: cases by the submission id they were opened for. */
  static final class Crm {
    final Map<String, String> casesBySubmission = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile boolean up = true;
  }

  /** The supplier's adapter. */
  static final class CrmDestination implements Destination {
    private final Crm crm;

    CrmDestination(Crm crm) {
      this.crm = crm;
    }

    @Override
    public String name() {
      return "crm";
    }

    @Override
    public SendResult deliver(Delivery delivery) {
      if (!crm.up) {
        return new SendResult.RetryableFailure("the CRM is down");
      }
      crm.requests.add(delivery.idempotencyKey());
      String caseId = crm.casesBySubmission.computeIfAbsent(delivery.idempotencyKey(),
          k -> "CASE-" + delivery.submission().reference());
      return new SendResult.Accepted(caseId);
    }

    @Override
    public boolean canLookUp() {
      return true;
    }

    @Override
    public Optional<SendResult.Accepted> lookup(Delivery delivery) {
      return Optional.ofNullable(crm.casesBySubmission.get(delivery.idempotencyKey())).map(SendResult.Accepted::new);
    }
  }

  final Crm crm = new Crm();

  @Override
  protected Destination destination() {
    return new CrmDestination(crm);
  }

  @Override
  protected Destination brokenDestination() {
    Crm down = new Crm();
    down.up = false;
    return new CrmDestination(down);
  }

  @Override
  protected List<String> receivedKeys() {
    return List.copyOf(crm.requests);
  }
}
