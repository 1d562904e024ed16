package io.impactsim.bench.jmh;

import io.impactsim.producer.InputEvent;
import io.impactsim.producer.synthetic.SyntheticConfig;
import io.impactsim.producer.synthetic.SyntheticMarket;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import java.util.ArrayList;
import java.util.List;

/** Records of a small synthetic market, the inputs of the microbenchmarks. */
final class Samples {
  static final int COMPANIES = 200;

  final List<CompanyProfile> profiles = new ArrayList<>();
  final List<DealAnnounced> deals = new ArrayList<>();

  Samples(int events) {
    for (InputEvent e : new SyntheticMarket(SyntheticConfig.of(events, COMPANIES, 42))) {
      if (e.value() instanceof CompanyProfile p) {
        profiles.add(p);
      } else if (e.value() instanceof DealAnnounced d) {
        deals.add(d);
      }
    }
  }
}
