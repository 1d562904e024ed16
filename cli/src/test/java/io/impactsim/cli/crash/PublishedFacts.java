package io.impactsim.cli.crash;

import io.impactsim.producer.EventType;
import io.impactsim.producer.InputEvent;
import io.impactsim.schemas.avro.CapexCommitments;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.MarketShareEntry;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts the published events imply, independent of how the views are computed: how many event
 * records the application consumes, and how many contracts each company is party to. A change
 * applied twice after a crash would show here as a contract counted twice, one lost as a contract
 * missing.
 */
final class PublishedFacts {
  private long eventRecords;
  private final Set<String> contracts = new HashSet<>();
  private final Map<String, Integer> partyTo = new HashMap<>();

  /** Reads the facts off the events, in one pass. */
  static PublishedFacts of(Iterable<InputEvent> events) {
    PublishedFacts facts = new PublishedFacts();
    for (InputEvent e : events) {
      if (e.type() != EventType.COMPANY) {
        facts.eventRecords++;
      }
      // A revision of a contract keeps its buyer and provider: the first report names them.
      if (e.value() instanceof DealAnnounced deal && facts.contracts.add(e.key())) {
        facts.partyTo.merge(deal.getBuyer(), 1, Integer::sum);
        facts.partyTo.merge(deal.getProvider(), 1, Integer::sum);
      }
    }
    return facts;
  }

  /** Deal, restructuring and earnings records: what the application's consumer group consumes. */
  long eventRecords() {
    return eventRecords;
  }

  int contracts() {
    return contracts.size();
  }

  /**
   * Where the views count contracts other than the events imply, one line each; empty when they
   * agree. Every contract counts once in the running ({@code ALL}) market-share view, counted or
   * excluded; a company's capex view counts each contract it buys or provides under once.
   */
  List<String> mismatches(
      Map<String, MarketShareSnapshot> marketShare, Map<String, CapexCommitments> capexView) {
    List<String> out = new ArrayList<>();
    long shareCount = 0;
    for (MarketShareSnapshot s : marketShare.values()) {
      if (s.getPeriod().equals("ALL")) {
        shareCount += s.getExcludedDealCount();
        for (MarketShareEntry entry : s.getEntries()) {
          shareCount += entry.getDealCount();
        }
      }
    }
    if (shareCount != contracts.size()) {
      out.add(
          "market-share ALL counts " + shareCount + " contracts, published " + contracts.size());
    }
    Set<String> companies = new TreeSet<>(partyTo.keySet());
    companies.addAll(capexView.keySet());
    Map<String, String> capex = new TreeMap<>();
    for (String company : companies) {
      int expected = partyTo.getOrDefault(company, 0);
      CapexCommitments c = capexView.get(company);
      int actual = c == null ? 0 : c.getDealCount();
      if (actual != expected) {
        capex.put(company, actual + " (published " + expected + ")");
      }
    }
    if (!capex.isEmpty()) {
      out.add("capex dealCount differs: " + capex);
    }
    return out;
  }
}
