package io.impactsim.streams.impact;

import io.impactsim.schemas.avro.ImpactDriver;
import java.util.ArrayList;
import java.util.List;

/** Collects the named terms of one computation in the order they are applied. */
final class Drivers {
  private final List<ImpactDriver> terms = new ArrayList<>();

  Drivers add(String name, double value, String explanation) {
    terms.add(new ImpactDriver(name, value, explanation));
    return this;
  }

  List<ImpactDriver> list() {
    return List.copyOf(terms);
  }
}
