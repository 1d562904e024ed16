package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.streams.Inputs;
import io.impactsim.streams.impact.CompanyDirectory;
import io.impactsim.streams.impact.CompanyImpact;
import io.impactsim.streams.impact.ImpactModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies the model to deal reports, contract by contract (deals are keyed by contract): the first
 * report of a contract has its full impact, a later one only what it adds to the report before it
 * in event-time order. A report arriving between two others changes what the next one adds, so that
 * one is computed again and forwarded; the ledger replaces it.
 */
final class DealImpactProcessor
    implements Processor<String, DealAnnounced, String, MarketCapReaction> {
  static final String EVENT_TYPE = "deal";

  private final String storeName;
  private final ImpactModel model;
  private final SegmentIndex segments;
  private ProcessorContext<String, MarketCapReaction> context;
  private KeyValueStore<String, ContractReports> contracts;
  private CompanyDirectory companies;

  DealImpactProcessor(String storeName, ImpactModel model, SegmentIndex segments) {
    this.storeName = storeName;
    this.model = model;
    this.segments = segments;
  }

  @Override
  public void init(ProcessorContext<String, MarketCapReaction> context) {
    this.context = context;
    this.contracts = context.getStateStore(storeName);
    this.companies =
        new ProfileDirectory(context.getStateStore(Inputs.COMPANY_PROFILES_STORE), segments);
  }

  @Override
  public void process(Record<String, DealAnnounced> record) {
    DealAnnounced report = record.value();
    ContractReports old = contracts.get(record.key());
    ContractReports previous = old == null ? ContractReports.empty() : old;
    ContractReports reports = previous.with(report);
    contracts.put(record.key(), reports);
    emit(report, impacts(report, reports.before(report)), List.of());
    Optional<DealAnnounced> next = reports.after(report);
    if (next.isPresent()) {
      List<CompanyImpact> before = impacts(next.get(), previous.before(next.get()));
      emit(next.get(), impacts(next.get(), Optional.of(report)), before);
    }
  }

  private List<CompanyImpact> impacts(DealAnnounced report, Optional<DealAnnounced> earlier) {
    return earlier.isPresent()
        ? model.dealRevision(report, earlier.get(), companies)
        : model.deal(report, companies);
  }

  /** Forwards the impacts, and a zero impact for a company only {@code replaced} named. */
  private void emit(
      DealAnnounced report, List<CompanyImpact> impacts, List<CompanyImpact> replaced) {
    List<CompanyImpact> all = new ArrayList<>(impacts);
    Set<String> named = impacts.stream().map(CompanyImpact::company).collect(Collectors.toSet());
    for (CompanyImpact stale : replaced) {
      if (!named.contains(stale.company())) {
        all.add(new CompanyImpact(stale.company(), stale.role(), 0, 0, 0, List.of()));
      }
    }
    Reactions.forward(context, report.getMeta(), EVENT_TYPE, all, model.version());
  }
}
