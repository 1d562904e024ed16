package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.EarningsReported;
import io.impactsim.streams.impact.EarningsHistory;
import io.impactsim.streams.internal.BinarySerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Serde of a company's earnings history in its store and changelog. */
final class EarningsHistorySerde extends BinarySerde<EarningsHistory> {
  EarningsHistorySerde() {
    super(1);
  }

  @Override
  protected void write(DataOutputStream out, EarningsHistory history) throws IOException {
    out.writeInt(history.quarters().size());
    for (EarningsReported q : history.quarters()) {
      AvroBytes.write(out, EarningsReported.getClassSchema(), q);
    }
  }

  @Override
  protected EarningsHistory read(DataInputStream in, int formatVersion) throws IOException {
    int n = in.readInt();
    List<EarningsReported> quarters = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      quarters.add(AvroBytes.read(in, EarningsReported.getClassSchema()));
    }
    return new EarningsHistory(quarters);
  }
}
