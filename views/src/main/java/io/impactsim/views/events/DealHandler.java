package io.impactsim.views.events;

import io.impactsim.model.CompanyImpact;
import io.impactsim.model.ImpactModel;
import io.impactsim.model.ProfileBook;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.views.capex.CompanyCapex;
import io.impactsim.views.deals.DealTerms;
import io.impactsim.views.marketcap.CompanyValue;
import io.impactsim.views.marketcap.Reactions;
import io.impactsim.views.share.SegmentTotals;
import io.impactsim.views.totals.Target;
import io.impactsim.views.totals.TargetDelta;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies deal reports contract by contract (deals are keyed by contract), for all three views at
 * once, so that a contract's state is read and written once per report:
 *
 * <ul>
 *   <li>market cap: the report's reactions, as what it adds to the report before it in event-time
 *       order; a report landing between two others changes what the next one adds, so that one is
 *       priced again and its record replaced;
 *   <li>market share: the contract's latest report counts in the running view ({@code ALL}); each
 *       report counts in the quarter of its own event time with what it changes;
 *   <li>capex: the contract's latest report counts for its buyer and provider.
 * </ul>
 *
 * Every change is a difference from what was sent before, so the totals are the same whatever order
 * a contract's reports arrive in.
 */
final class DealHandler {
  static final String EVENT_TYPE = "deal";

  private final KeyValueStore<String, ContractState> contracts;
  private final ImpactModel model;
  private final Reactions reactions;
  private final ProfileBook book;
  private final Outputs out;

  DealHandler(
      KeyValueStore<String, ContractState> contracts,
      ImpactModel model,
      Reactions reactions,
      ProfileBook book,
      Outputs out) {
    this.contracts = contracts;
    this.model = model;
    this.reactions = reactions;
    this.book = book;
    this.out = out;
  }

  /**
   * Applies one report of a contract. A report already applied (same event id) changes no total;
   * its reactions record is sent again as it stands ({@link Outputs#reactions}).
   *
   * @return whether the report was applied
   */
  boolean apply(String contract, DealAnnounced report) {
    ContractState before =
        Objects.requireNonNullElse(contracts.get(contract), ContractState.empty());
    String eventId = report.getMeta().getEventId();
    if (before.contains(eventId)) {
      int at = before.indexOf(eventId);
      ContractState.Report previous = before.at(at - 1);
      out.reactions(
          priced(before.at(at).deal(), previous == null ? null : previous.deal()).record());
      return false;
    }
    ContractState state = before.with(report);
    int i = state.indexOf(eventId);
    ContractState.Report previous = state.at(i - 1);
    ContractState.Report next = state.at(i + 1);
    DealAnnounced earlier = previous == null ? null : previous.deal();
    state = state.withSent(eventId, price(report, earlier, Map.of()));
    if (next != null) {
      state =
          state.withSent(
              next.deal().getMeta().getEventId(), price(next.deal(), report, next.sent()));
    }
    share(report, earlier, next == null ? null : next.deal(), before.latest(), state.latest());
    capex(contract, report, before.latest(), state.latest());
    contracts.put(contract, state);
    return true;
  }

  /** Publishes a report's reactions and sends what they change against {@code sent}. */
  private Map<String, CompanyValue> price(
      DealAnnounced report, DealAnnounced earlier, Map<String, CompanyValue> sent) {
    return out.publish(priced(report, earlier), sent);
  }

  /** A report's reactions, against the report of the same contract before it (if any). */
  private Reactions.Priced priced(DealAnnounced report, DealAnnounced earlier) {
    List<CompanyImpact> now = model.deal(report, book.at(report.getMeta().getOccurredAt()));
    List<CompanyImpact> was =
        earlier == null
            ? List.of()
            : model.deal(earlier, book.at(earlier.getMeta().getOccurredAt()));
    return reactions.price(report.getMeta(), EVENT_TYPE, now, was, book);
  }

  private void share(
      DealAnnounced report,
      DealAnnounced earlier,
      DealAnnounced later,
      DealAnnounced latestBefore,
      DealAnnounced latest) {
    Instant at = report.getMeta().getOccurredAt();
    if (latest != latestBefore) {
      addShare(latest, DealTerms.ALL, 1);
      addShare(latestBefore, DealTerms.ALL, -1);
    }
    // A report counts in its own quarter with what it changes against the report before it.
    String quarter = DealTerms.quarterOf(at);
    addShare(report, quarter, 1);
    addShare(earlier, quarter, -1);
    if (later != null) {
      String laterQuarter = DealTerms.quarterOf(later.getMeta().getOccurredAt());
      addShare(report, laterQuarter, -1);
      addShare(earlier, laterQuarter, 1);
    }
    out.change(share(report, DealTerms.ALL), TargetDelta.ofShare(SegmentTotals.touched(at)));
    out.change(share(report, quarter), TargetDelta.ofShare(SegmentTotals.touched(at)));
  }

  private void addShare(DealAnnounced deal, String period, int sign) {
    if (deal != null) {
      out.change(share(deal, period), TargetDelta.ofShare(SegmentTotals.of(deal, sign, null)));
    }
  }

  private static Target share(DealAnnounced deal, String period) {
    return new Target.Segment(deal.getSegment(), period);
  }

  private void capex(
      String contract, DealAnnounced report, DealAnnounced latestBefore, DealAnnounced latest) {
    if (latest != latestBefore) {
      addCapex(latest, 1);
      addCapex(latestBefore, -1);
      Map<String, DealAnnounced> headlines = new LinkedHashMap<>();
      if (latestBefore != null && DealTerms.isHeadline(latestBefore)) {
        headlines.put(latestBefore.getBuyer(), null);
      }
      if (DealTerms.isHeadline(latest)) {
        headlines.put(latest.getBuyer(), latest);
      }
      headlines.forEach(
          (buyer, headline) ->
              out.change(
                  new Target.Company(buyer),
                  TargetDelta.ofCapex(CompanyCapex.headline(contract, headline))));
    }
    Instant at = report.getMeta().getOccurredAt();
    parties(report)
        .keySet()
        .forEach(
            c -> out.change(new Target.Company(c), TargetDelta.ofCapex(CompanyCapex.touched(at))));
  }

  private void addCapex(DealAnnounced deal, int sign) {
    if (deal != null) {
      parties(deal)
          .forEach(
              (c, role) ->
                  out.change(
                      new Target.Company(c),
                      TargetDelta.ofCapex(CompanyCapex.ofContract(deal, role, sign))));
    }
  }

  private static Map<String, CompanyCapex.Role> parties(DealAnnounced deal) {
    Map<String, CompanyCapex.Role> parties = new LinkedHashMap<>();
    parties.put(deal.getBuyer(), CompanyCapex.Role.BUYER);
    if (DealTerms.namesProvider(deal) && !deal.getProvider().equals(deal.getBuyer())) {
      parties.put(deal.getProvider(), CompanyCapex.Role.PROVIDER);
    }
    return parties;
  }
}
