package io.impactsim.model;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.ValuationBasis;
import java.util.Optional;

/**
 * What a company is worth in the model: a listed company's market cap, or a private company's last
 * implied valuation (it has no market price to react).
 */
public record Valuation(ValuationBasis basis, long valueUsd) {

  /** The valuation a profile states, empty when it states no usable value. */
  public static Optional<Valuation> of(CompanyProfile profile) {
    Long marketCap = profile.getMarketCapUsd();
    Long implied = profile.getImpliedValuationUsd();
    if (profile.getListed() && marketCap != null && marketCap > 0) {
      return Optional.of(new Valuation(ValuationBasis.MARKET_CAP, marketCap));
    }
    if (implied != null && implied > 0) {
      return Optional.of(new Valuation(ValuationBasis.IMPLIED_VALUATION, implied));
    }
    if (marketCap != null && marketCap > 0) {
      return Optional.of(new Valuation(ValuationBasis.MARKET_CAP, marketCap));
    }
    return Optional.empty();
  }
}
