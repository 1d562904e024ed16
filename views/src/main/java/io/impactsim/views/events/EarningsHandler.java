package io.impactsim.views.events;

import io.impactsim.model.ImpactModel;
import io.impactsim.model.ProfileBook;
import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.views.capex.CompanyCapex;
import io.impactsim.views.marketcap.CompanyValue;
import io.impactsim.views.marketcap.Reactions;
import io.impactsim.views.totals.Target;
import io.impactsim.views.totals.TargetDelta;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies earnings reports company by company (earnings are keyed by company): the reaction against
 * the company's earlier quarters, and the report as the company's latest figures for the capex
 * view. A report of an earlier period arriving late changes the trend of the later periods, whose
 * reactions are priced again and replaced, sending only what changed.
 */
final class EarningsHandler {
  static final String EVENT_TYPE = "earnings";

  private final KeyValueStore<String, EarningsState> histories;
  private final ImpactModel model;
  private final Reactions reactions;
  private final ProfileBook book;
  private final Outputs out;
  private final int maxQuarters;

  EarningsHandler(
      KeyValueStore<String, EarningsState> histories,
      ImpactModel model,
      Reactions reactions,
      ProfileBook book,
      Outputs out) {
    this.histories = histories;
    this.model = model;
    this.reactions = reactions;
    this.book = book;
    this.out = out;
    this.maxQuarters = model.config().earnings().historyQuarters();
  }

  /**
   * Applies one report. A report already applied, or one older than every kept quarter of a full
   * history, changes nothing: the state keeps {@code earnings.history.quarters} quarters.
   *
   * @return whether the report was applied
   */
  boolean apply(String company, EarningsReported report) {
    EarningsState before =
        Objects.requireNonNullElse(histories.get(company), EarningsState.empty());
    String eventId = report.getMeta().getEventId();
    if (before.contains(eventId)) {
      // Applied already: no total changes; its reactions record is sent again as it stands.
      for (EarningsState.Quarter q : before.quarters()) {
        if (q.report().getMeta().getEventId().equals(eventId)) {
          out.reactions(priced(q.report(), before).record());
        }
      }
      return false;
    }
    if (before.beforeHorizon(report, maxQuarters)) {
      return false;
    }
    EarningsState state = before.with(report, maxQuarters);
    for (EarningsState.Quarter q : state.from(report.getFiscalPeriod())) {
      state = state.withSent(q.report().getFiscalPeriod(), price(q, state));
    }
    out.change(new Target.Company(company), TargetDelta.ofCapex(CompanyCapex.ofEarnings(report)));
    histories.put(company, state);
    return true;
  }

  private Map<String, CompanyValue> price(EarningsState.Quarter q, EarningsState state) {
    return out.publish(priced(q.report(), state), q.sent());
  }

  private Reactions.Priced priced(EarningsReported report, EarningsState state) {
    var impacts =
        model.earnings(report, state.history(), book.at(report.getMeta().getOccurredAt()));
    return reactions.price(report.getMeta(), EVENT_TYPE, impacts, List.of(), book);
  }
}
