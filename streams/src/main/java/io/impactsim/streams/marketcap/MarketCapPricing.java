package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.streams.impact.Valuation;

/**
 * The arithmetic of the running value: each event compounds the value by (1 + AR), and the band of
 * the running value adds the events' variances, as the variance of a cumulative abnormal return is
 * the sum of the single variances for independent events (MacKinlay 1997).
 */
final class MarketCapPricing {
  private final double z;

  MarketCapPricing(double bandZ) {
    this.z = bandZ;
  }

  /**
   * The entry of {@code impact} after {@code previous} (null for the first event); it compounds
   * only if it happened at or after {@code compoundsFrom} (epoch millis).
   */
  LedgerEntry apply(LedgerEntry previous, MarketCapReaction impact, long compoundsFrom) {
    double factor = previous == null ? 1.0 : previous.factorAfter();
    double variance = previous == null ? 0.0 : previous.varianceAfter();
    int compounded = previous == null ? 0 : previous.compounded();
    if (impact.getOccurredAt().toEpochMilli() < compoundsFrom) {
      return new LedgerEntry(impact, factor, factor, variance, compounded);
    }
    double sigma = (impact.getHighReturn() - impact.getLowReturn()) / (2 * z);
    return new LedgerEntry(
        impact,
        factor,
        factor * (1 + impact.getAbnormalReturn()),
        variance + sigma * sigma,
        compounded + 1);
  }

  /** The reaction priced against the value compounded over every strictly earlier event. */
  MarketCapReaction reaction(Valuation reference, LedgerEntry entry) {
    return Reactions.priced(
        entry.impact(), reference.basis(), reference.valueUsd() * entry.factorBefore());
  }

  SimulatedMarketCap value(String company, Valuation reference, LedgerEntry latest) {
    double simulated = reference.valueUsd() * latest.factorAfter();
    double spread = z * Math.sqrt(latest.varianceAfter());
    return SimulatedMarketCap.newBuilder()
        .setCompany(company)
        .setAsOf(latest.impact().getOccurredAt())
        .setValuationBasis(reference.basis())
        .setReferenceValueUsd(reference.valueUsd())
        .setSimulatedValueUsd(Math.round(simulated))
        .setCumulativeAbnormalReturn(latest.factorAfter() - 1)
        .setLowValueUsd(Math.round(simulated * Math.max(0, 1 - spread)))
        .setHighValueUsd(Math.round(simulated * (1 + spread)))
        .setEventCount(latest.compounded())
        .setLastEventId(latest.impact().getEventId())
        .build();
  }
}
