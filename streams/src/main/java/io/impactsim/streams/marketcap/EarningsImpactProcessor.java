package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.streams.Inputs;
import io.impactsim.streams.impact.CompanyDirectory;
import io.impactsim.streams.impact.EarningsHistory;
import io.impactsim.streams.impact.ImpactModel;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each company's recent quarters and applies the model to an earnings report against them. A
 * report of an earlier period arriving late changes the trend of the later periods, so their
 * impacts are computed again and forwarded; the ledger replaces the old ones. Earnings are keyed by
 * company on their topic, so each company's history lives in one task.
 */
final class EarningsImpactProcessor
    implements Processor<String, EarningsReported, String, MarketCapReaction> {
  static final String EVENT_TYPE = "earnings";

  private final String storeName;
  private final ImpactModel model;
  private final SegmentIndex segments;
  private ProcessorContext<String, MarketCapReaction> context;
  private KeyValueStore<String, EarningsHistory> histories;
  private CompanyDirectory companies;

  EarningsImpactProcessor(String storeName, ImpactModel model, SegmentIndex segments) {
    this.storeName = storeName;
    this.model = model;
    this.segments = segments;
  }

  @Override
  public void init(ProcessorContext<String, MarketCapReaction> context) {
    this.context = context;
    this.histories = context.getStateStore(storeName);
    this.companies =
        new ProfileDirectory(context.getStateStore(Inputs.COMPANY_PROFILES_STORE), segments);
  }

  @Override
  public void process(Record<String, EarningsReported> record) {
    EarningsReported report = record.value();
    EarningsHistory old = histories.get(report.getCompany());
    EarningsHistory history =
        (old == null ? EarningsHistory.empty() : old)
            .with(report, model.config().earnings().historyQuarters());
    histories.put(report.getCompany(), history);
    emit(report, history);
    for (EarningsReported later : history.after(report.getFiscalPeriod())) {
      emit(later, history);
    }
  }

  private void emit(EarningsReported report, EarningsHistory history) {
    Reactions.forward(
        context,
        report.getMeta(),
        EVENT_TYPE,
        model.earnings(report, history, companies),
        model.version());
  }
}
