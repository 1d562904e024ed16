package io.impactsim.streams.marketcap;

import io.impactsim.schemas.avro.MarketCapReaction;
import io.impactsim.streams.internal.BinarySerde;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Serde of one company's impact on its way to the company's ledger (the repartition topic): a
 * reaction whose value fields are filled in by the ledger.
 */
final class ImpactSerde extends BinarySerde<MarketCapReaction> {
  ImpactSerde() {
    super(1);
  }

  @Override
  protected void write(DataOutputStream out, MarketCapReaction impact) throws IOException {
    AvroBytes.write(out, MarketCapReaction.getClassSchema(), impact);
  }

  @Override
  protected MarketCapReaction read(DataInputStream in, int formatVersion) throws IOException {
    return AvroBytes.read(in, MarketCapReaction.getClassSchema());
  }
}
