package io.impactsim.streams.marketcap;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends each impact to its company's partition, as the default partitioner places a string key
 * (murmur2 of its UTF-8 bytes), and each watermark to every partition, so that every ledger hears
 * from every source.
 */
final class LedgerPartitioner implements StreamPartitioner<String, LedgerInput> {
  @Override
  public Optional<Set<Integer>> partitions(
      String topic, String company, LedgerInput input, int numPartitions) {
    if (input instanceof LedgerInput.Watermark) {
      return Optional.of(
          IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
    }
    byte[] key = company.getBytes(StandardCharsets.UTF_8);
    return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(key)) % numPartitions));
  }
}
