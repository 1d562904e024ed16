package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.streams.Inputs;
import io.impactsim.streams.impact.CompanyDirectory;
import io.impactsim.streams.impact.CompanyImpact;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Applies the model to a stateless event (deal or restructuring) against the global profile store,
 * and forwards one unpriced reaction per affected company, keyed by company.
 */
final class EventImpactProcessor<E> implements Processor<String, E, String, MarketCapReaction> {
  private final String eventType;
  private final Function<E, EventMetadata> meta;
  private final BiFunction<E, CompanyDirectory, List<CompanyImpact>> model;
  private final String modelVersion;
  private final SegmentIndex segments;
  private ProcessorContext<String, MarketCapReaction> context;
  private CompanyDirectory companies;

  EventImpactProcessor(
      String eventType,
      Function<E, EventMetadata> meta,
      BiFunction<E, CompanyDirectory, List<CompanyImpact>> model,
      String modelVersion,
      SegmentIndex segments) {
    this.eventType = eventType;
    this.meta = meta;
    this.model = model;
    this.modelVersion = modelVersion;
    this.segments = segments;
  }

  @Override
  public void init(ProcessorContext<String, MarketCapReaction> context) {
    this.context = context;
    this.companies =
        new ProfileDirectory(context.getStateStore(Inputs.COMPANY_PROFILES_STORE), segments);
  }

  @Override
  public void process(Record<String, E> record) {
    E event = record.value();
    Reactions.forward(
        context, meta.apply(event), eventType, model.apply(event, companies), modelVersion);
  }
}
