package io.impactsim.streams.capex;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.streams.capex.CapexInput.Role;
import io.impactsim.streams.share.DealTerms;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the report in force of each contract and tells the companies party to it: the buyer and the
 * provider each get the new report with the one it replaces, and a company no longer party to the
 * contract in that role (after a correction) gets a removal. Older reports arriving late change
 * nothing.
 */
final class CapexLedger implements Processor<String, DealAnnounced, String, CapexInput> {
  private final String storeName;
  private ProcessorContext<String, CapexInput> context;
  private KeyValueStore<String, DealAnnounced> contracts;

  CapexLedger(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, CapexInput> context) {
    this.context = context;
    this.contracts = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, DealAnnounced> record) {
    DealAnnounced deal = record.value();
    DealAnnounced old = contracts.get(record.key());
    if (old != null && !DealTerms.supersedes(deal, old)) {
      return;
    }
    contracts.put(record.key(), deal);
    Map<String, Role> before = old == null ? Map.of() : parties(old);
    Map<String, Role> now = parties(deal);
    Instant at = deal.getMeta().getOccurredAt();
    before.forEach(
        (company, role) -> {
          if (now.get(company) != role) {
            forward(record, company, CapexInput.contract(role, record.key(), old, null, at));
          }
        });
    now.forEach(
        (company, role) -> {
          DealAnnounced previous = before.get(company) == role ? old : null;
          forward(record, company, CapexInput.contract(role, record.key(), previous, deal, at));
        });
  }

  private void forward(Record<String, DealAnnounced> record, String company, CapexInput input) {
    context.forward(record.withKey(company).withValue(input));
  }

  private static Map<String, Role> parties(DealAnnounced deal) {
    Map<String, Role> parties = new LinkedHashMap<>();
    parties.put(deal.getBuyer(), Role.BUYER);
    if (DealTerms.namesProvider(deal) && !deal.getProvider().equals(deal.getBuyer())) {
      parties.put(deal.getProvider(), Role.PROVIDER);
    }
    return parties;
  }
}
