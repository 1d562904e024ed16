package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.EventMetadata;
import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.schemas.avro.ValuationBasis;
import io.impactsim.streams.impact.CompanyImpact;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Builds reactions: first the model's impact, later priced against the pre-event value. */
final class Reactions {
  private Reactions() {}

  /** The key of a reaction on its topic. */
  static String key(MarketCapReaction r) {
    return r.getEventId() + "|" + r.getCompany();
  }

  /** Forwards one unpriced reaction per impact, keyed by company, at the event's time. */
  static void forward(
      ProcessorContext<String, MarketCapReaction> context,
      EventMetadata meta,
      String eventType,
      List<CompanyImpact> impacts,
      String modelVersion) {
    long at = meta.getOccurredAt().toEpochMilli();
    for (CompanyImpact impact : impacts) {
      context.forward(
          new Record<>(impact.company(), unpriced(meta, eventType, impact, modelVersion), at));
    }
  }

  static MarketCapReaction unpriced(
      EventMetadata meta, String eventType, CompanyImpact impact, String modelVersion) {
    return MarketCapReaction.newBuilder()
        .setEventId(meta.getEventId())
        .setEventType(eventType)
        .setCompany(impact.company())
        .setOccurredAt(meta.getOccurredAt())
        .setValuationBasis(ValuationBasis.MARKET_CAP)
        .setPreEventValueUsd(0)
        .setAbnormalReturn(impact.abnormalReturn())
        .setDollarImpactUsd(0)
        .setLowReturn(impact.lowReturn())
        .setHighReturn(impact.highReturn())
        .setLowImpactUsd(0)
        .setHighImpactUsd(0)
        .setDrivers(impact.drivers())
        .setModelVersion(modelVersion)
        .build();
  }

  /**
   * The reaction priced against the company's simulated value just before the event. Built without
   * a builder, which would deep-copy the drivers; the reaction shares them with the impact.
   */
  static MarketCapReaction priced(MarketCapReaction impact, ValuationBasis basis, double preValue) {
    return new MarketCapReaction(
        impact.getEventId(),
        impact.getEventType(),
        impact.getCompany(),
        impact.getOccurredAt(),
        basis,
        Math.round(preValue),
        impact.getAbnormalReturn(),
        Math.round(preValue * impact.getAbnormalReturn()),
        impact.getLowReturn(),
        impact.getHighReturn(),
        Math.round(preValue * impact.getLowReturn()),
        Math.round(preValue * impact.getHighReturn()),
        impact.getDrivers(),
        impact.getModelVersion());
  }

  /** Whether two impacts of one event on one company carry the same figures. */
  static boolean sameImpact(MarketCapReaction a, MarketCapReaction b) {
    return a.getAbnormalReturn() == b.getAbnormalReturn()
        && a.getLowReturn() == b.getLowReturn()
        && a.getHighReturn() == b.getHighReturn()
        && a.getDrivers().equals(b.getDrivers())
        && a.getEventType().equals(b.getEventType());
  }
}
