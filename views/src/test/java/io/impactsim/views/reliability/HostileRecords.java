package io.impactsim.views.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.producer.InputEvent;
import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.MarketShareSnapshot;
import io.impactsim.schemas.avro.RestructuringAnnounced;
import io.impactsim.schemas.avro.RestructuringKind;
import io.impactsim.topics.Topic;
import io.impactsim.topics.TopicCatalog;
import io.impactsim.views.Events;
import io.impactsim.views.input.KeyRules;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns corpus cases into the raw records a careless or hostile producer would write. Valid events
 * start from a base event whose companies and segment are all named {@code hostile-...}, so an
 * accepted case can only add view keys of its own, never change those of the good history.
 */
final class HostileRecords {
  static final String HOSTILE = "hostile";
  // Earlier than every event of the bundled history, so valid hostile events cannot move stream
  // time past a quarter the good events still fall in.
  private static final Instant JAN_2 = Instant.parse("2025-01-02T00:00:00Z");

  private final TopicCatalog topics;
  private final List<InputEvent> history;

  HostileRecords(TopicCatalog topics, List<InputEvent> history) {
    this.topics = topics;
    this.history = history;
  }

  ProducerRecord<byte[], byte[]> record(HostileCase c) {
    Topic<String, ?> topic = topic(c.topic());
    String key = key(c);
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            topic.name(),
            c.spec().path("nullKey").asBoolean() ? null : key.getBytes(StandardCharsets.UTF_8),
            value(c, topic.name()));
    record.headers().add(HostileCase.HEADER, c.name().getBytes(StandardCharsets.UTF_8));
    return record;
  }

  /**
   * The case's key: its own when it gives one; a duplicate's original key; for a valid event the
   * key its value implies, as any producer following the key rules writes it; else one made up.
   */
  private String key(HostileCase c) {
    if (c.spec().hasNonNull("key")) {
      return c.spec().get("key").asText();
    }
    if (c.recipe().equals("duplicate")) {
      return original(c).key();
    }
    if ((c.recipe().equals("event") || c.recipe().equals("patch"))
        && !c.topic().equals("companies")) {
      SpecificRecord event = base(c.topic(), c.name());
      JsonFields.apply(event, c.spec().get("set"));
      return KeyRules.expectedKey(event);
    }
    return c.key();
  }

  private byte[] value(HostileCase c, String topicName) {
    JsonNode spec = c.spec();
    return switch (c.recipe()) {
      case "bytes" -> Base64.getDecoder().decode(spec.get("base64").asText());
      case "text" -> spec.get("text").asText().getBytes(StandardCharsets.UTF_8);
      case "tombstone" -> null;
      case "event" -> encoded(c, topicName);
      case "duplicate" -> duplicate(c, topicName);
      case "magic" -> withByte(encoded(c, topicName), 0, spec.get("magic").asInt());
      case "schemaId" -> withSchemaId(encoded(c, topicName), spec.get("schemaId").asInt());
      case "truncate" -> truncated(encoded(c, topicName), spec.get("keep").asInt());
      case "append" -> concat(encoded(c, topicName), decode(spec.get("base64")));
      case "splice" -> splice(encoded(c, topicName), spec);
      case "random" -> random(encoded(c, topicName), spec);
      case "patch" -> patch(encoded(c, topicName), spec);
      case "foreign" -> foreign(spec.get("as").asText(), c.name());
      default -> throw new IllegalArgumentException("unknown recipe " + c.recipe());
    };
  }

  private byte[] encoded(HostileCase c, String topicName) {
    SpecificRecord event = base(c.topic(), c.name());
    JsonFields.apply(event, c.spec().get("set"));
    return serialize(topic(c.topic()), topicName, event);
  }

  private byte[] duplicate(HostileCase c, String topicName) {
    InputEvent original = original(c);
    SpecificRecord copy =
        SpecificData.get().deepCopy(original.value().getSchema(), original.value());
    JsonFields.apply(copy, c.spec().get("set"));
    return serialize(topic(c.topic()), topicName, copy);
  }

  private InputEvent original(HostileCase c) {
    Topic<String, ?> topic = topic(c.topic());
    return history.stream()
        .filter(e -> e.topicIn(topics).name().equals(topic.name()))
        .skip(c.spec().get("of").asInt())
        .findFirst()
        .orElseThrow();
  }

  private byte[] foreign(String type, String name) {
    return switch (type) {
      case "marketShare" ->
          serialize(
              topics.marketShare(),
              topics.marketShare().name(),
              MarketShareSnapshot.newBuilder()
                  .setSegment(HOSTILE)
                  .setPeriod("ALL")
                  .setTotalCommittedUsd(1L)
                  .setExcludedDealCount(0)
                  .setEntries(List.of())
                  .setAsOf(JAN_2)
                  .build());
      default -> serialize(topic(type), topic(type).name(), base(type, name));
    };
  }

  private Topic<String, ?> topic(String name) {
    return switch (name) {
      case "deals" -> topics.deals();
      case "earnings" -> topics.earnings();
      case "restructurings" -> topics.restructurings();
      case "companies" -> topics.companies();
      default -> throw new IllegalArgumentException("unknown topic " + name);
    };
  }

  @SuppressWarnings("unchecked")
  private static byte[] serialize(Topic<String, ?> topic, String topicName, SpecificRecord value) {
    return ((Topic<String, SpecificRecord>) topic)
        .valueSerde()
        .serializer()
        .serialize(topicName, value);
  }

  private static SpecificRecord base(String topic, String name) {
    String eventId = HOSTILE + "-" + name;
    String company = HOSTILE + "-company";
    return switch (topic) {
      case "deals" ->
          Events.deal(eventId, JAN_2, HOSTILE + "-buyer", HOSTILE + "-provider", 1_000L)
              .setSegment(HOSTILE + "-segment")
              .build();
      case "earnings" -> Events.earnings(eventId, JAN_2, company).build();
      case "restructurings" ->
          RestructuringAnnounced.newBuilder()
              .setMeta(Events.meta(eventId, JAN_2))
              .setCompany(company)
              .setKind(RestructuringKind.OTHER)
              .setAffectedParties(List.of())
              .setStakeChanges(List.of())
              .setDescription("corpus case " + name)
              .build();
      case "companies" ->
          CompanyProfile.newBuilder()
              .setMeta(Events.meta(eventId, JAN_2))
              .setId(company)
              .setName("Hostile Inc.")
              .setListed(false)
              .setReferenceDate(LocalDate.of(2025, 11, 1))
              .build();
      default -> throw new IllegalArgumentException("unknown topic " + topic);
    };
  }

  private static byte[] withByte(byte[] bytes, int index, int value) {
    byte[] out = bytes.clone();
    out[index] = (byte) value;
    return out;
  }

  private static byte[] withSchemaId(byte[] bytes, int id) {
    byte[] out = bytes.clone();
    ByteBuffer.wrap(out, 1, 4).putInt(id);
    return out;
  }

  /** The first {@code keep} bytes, or all but the last {@code -keep} when negative. */
  private static byte[] truncated(byte[] bytes, int keep) {
    return Arrays.copyOf(bytes, keep >= 0 ? keep : bytes.length + keep);
  }

  /** Keeps a prefix of a valid record, then forged zig-zag varints and raw bytes. */
  private static byte[] splice(byte[] bytes, JsonNode spec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(truncated(bytes, spec.get("keep").asInt()));
    if (spec.has("varLongs")) {
      spec.get("varLongs").forEach(v -> out.writeBytes(ForgedLengthTest.varLong(v.asLong())));
    }
    out.writeBytes(decode(spec.get("base64")));
    return out.toByteArray();
  }

  /** A valid header followed by seeded random bytes. */
  private static byte[] random(byte[] bytes, JsonNode spec) {
    byte[] body = new byte[spec.get("length").asInt()];
    new Random(spec.get("seed").asLong()).nextBytes(body);
    return concat(Arrays.copyOf(bytes, 5), body);
  }

  /**
   * A valid record whose first occurrence of the text {@code find} is overwritten by the bytes
   * {@code with} (base64, the same length), e.g. bytes that are not UTF-8 inside a string, which a
   * producer of Java strings cannot write.
   */
  private static byte[] patch(byte[] bytes, JsonNode spec) {
    byte[] find = spec.get("find").asText().getBytes(StandardCharsets.UTF_8);
    byte[] with = decode(spec.get("with"));
    if (find.length != with.length) {
      throw new IllegalArgumentException("a patch keeps the length: " + spec);
    }
    for (int at = 0; at + find.length <= bytes.length; at++) {
      if (Arrays.equals(bytes, at, at + find.length, find, 0, find.length)) {
        byte[] out = bytes.clone();
        System.arraycopy(with, 0, out, at, with.length);
        return out;
      }
    }
    throw new IllegalArgumentException("no " + spec.get("find") + " in the record: " + spec);
  }

  private static byte[] decode(JsonNode base64) {
    return base64 == null ? new byte[0] : Base64.getDecoder().decode(base64.asText());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
