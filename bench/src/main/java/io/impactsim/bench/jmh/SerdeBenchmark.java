package io.impactsim.bench.jmh;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Encoding and decoding one deal in the Confluent wire format, as every topology does. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SerdeBenchmark {
  private String topic;
  private Serializer<DealAnnounced> serializer;
  private Deserializer<DealAnnounced> deserializer;
  private List<DealAnnounced> deals;
  private byte[][] encoded;
  private int next;

  @Setup
  public void setUp() {
    Topic<String, DealAnnounced> t =
        TopicCatalog.create("jmh", new InMemorySchemaRegistry(), true).deals();
    topic = t.name();
    serializer = t.valueSerde().serializer();
    deserializer = t.valueSerde().deserializer();
    deals = new Samples(10_000).deals.subList(0, 1_024);
    encoded = deals.stream().map(d -> serializer.serialize(topic, d)).toArray(byte[][]::new);
  }

  @Benchmark
  public byte[] serializeDeal() {
    next = (next + 1) & 1023;
    return serializer.serialize(topic, deals.get(next));
  }

  @Benchmark
  public DealAnnounced deserializeDeal() {
    next = (next + 1) & 1023;
    return deserializer.deserialize(topic, encoded[next]);
  }
}
