package io.impactsim.views.reliability;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.serde.RegistryAvroSerde;
import io.impactsim.topics.serde.WireFormat;
import io.impactsim.views.Events;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Records whose Avro length prefixes claim far more data than they carry are rejected at once,
 * without the decoder trying to allocate what the prefix claims.
 */
class ForgedLengthTest {
  private static final String TOPIC = "forged.deals.v1";
  private static final long CLAIMED = Integer.MAX_VALUE;

  private final RegistryAvroSerde<DealAnnounced> serde =
      new RegistryAvroSerde<>(DealAnnounced.class, new InMemorySchemaRegistry(), false, true);

  @Test
  @Timeout(10)
  void stringClaimingTwoGigabytesFailsFast() {
    byte[] header = Arrays.copyOf(valid(), WireFormat.HEADER_SIZE);
    byte[] forged = concat(header, varLong(CLAIMED), new byte[] {'x', 'y'});

    assertThatThrownBy(() -> serde.deserialize(TOPIC, forged))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  @Timeout(10)
  void arrayClaimingTwoBillionItemsFailsFast() {
    byte[] valid = valid();
    // The body ends with the empty accelerators array (0) and a null notes union (0).
    byte[] prefix = Arrays.copyOf(valid, valid.length - 2);
    byte[] forged = concat(prefix, varLong(CLAIMED), new byte[] {2, 'x'});

    assertThatThrownBy(() -> serde.deserialize(TOPIC, forged))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  @Timeout(10)
  void repeatedForgedRecordsDoNotExhaustTheHeap() {
    byte[] header = Arrays.copyOf(valid(), WireFormat.HEADER_SIZE);
    byte[] forged = concat(header, varLong(CLAIMED / 2), new byte[] {'x'});
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    for (int i = 0; i < 50 && System.nanoTime() < deadline; i++) {
      assertThatThrownBy(() -> serde.deserialize(TOPIC, forged))
          .isInstanceOf(SerializationException.class);
    }
  }

  private byte[] valid() {
    DealAnnounced deal =
        Events.deal("e", Instant.parse("2025-11-03T14:00:00Z"), "b", "p", 1L).build();
    return serde.serialize(TOPIC, deal);
  }

  /** Avro's zig-zag variable-length encoding of a long. */
  static byte[] varLong(long value) {
    long n = (value << 1) ^ (value >> 63);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while ((n & ~0x7FL) != 0) {
      out.write((int) ((n & 0x7F) | 0x80));
      n >>>= 7;
    }
    out.write((int) n);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
