package io.impactsim.model;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.serde.GeneratedRecords;
import java.util.List;

/**
 * The event-study impact model: for one event and the profiles of the companies involved, the
 * expected abnormal return of every affected company with its band and named drivers. Pure and
 * deterministic: the same event and profiles always give the same impacts, in the same order.
 */
public final class ImpactModel {
  private final ImpactModelConfig config;
  private final DealImpacts deals;
  private final EarningsImpacts earnings;
  private final RestructuringImpacts restructurings;

  public ImpactModel(ImpactModelConfig config) {
    // Callers hand the model generated records, which Avro copies only from trusted classes.
    GeneratedRecords.trust();
    this.config = config;
    Band band = new Band(config.bandZ());
    this.deals = new DealImpacts(config.deal(), band);
    this.earnings = new EarningsImpacts(config.earnings(), band);
    this.restructurings = new RestructuringImpacts(config.restructuring(), band);
  }

  /** The model with the bundled default parameters. */
  public static ImpactModel withDefaults() {
    return new ImpactModel(ImpactModelConfig.defaults());
  }

  public ImpactModelConfig config() {
    return config;
  }

  /** The version written into every reaction. */
  public String version() {
    return config.modelVersion();
  }

  /** Provider, buyer, named suppliers, then the provider's rivals in the deal's segment. */
  public List<CompanyImpact> deal(DealAnnounced deal, CompanyDirectory companies) {
    return deals.of(deal, companies);
  }

  /**
   * A later report of a contract already reported: what it adds to the earlier report's impacts,
   * company by company, since the market had priced the earlier report already. A company the
   * earlier report affected and this one does not gets the earlier return reversed.
   */
  public List<CompanyImpact> dealRevision(
      DealAnnounced report, DealAnnounced earlier, CompanyDirectory companies) {
    return Revisions.increments(deals.of(report, companies), deals.of(earlier, companies));
  }

  /**
   * The reporting company, against consensus when the report carries it, else against the trend of
   * {@code history}'s quarters before the reported one.
   */
  public List<CompanyImpact> earnings(
      EarningsReported report, EarningsHistory history, CompanyDirectory companies) {
    return earnings.of(report, history.before(report.getFiscalPeriod()), companies);
  }

  /** The restructured company, the affected parties (and stake holders), then rival providers. */
  public List<CompanyImpact> restructuring(
      RestructuringAnnounced event, CompanyDirectory companies) {
    return restructurings.of(event, companies);
  }
}
