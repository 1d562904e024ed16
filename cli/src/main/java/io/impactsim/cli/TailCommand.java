package io.impactsim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.impactsim.schemas.json.AvroToJson;
import io.impactsim.schemas.registry.SchemaRegistry;
import io.impactsim.topics.Topic;
import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.View;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Follows a view's output topic and prints each record as a JSON line, like {@code tail -f}. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = {
      "Print the records of a view topic as JSON lines as they are committed, until Ctrl-C:"
          + " market-share, capex, market-cap or reactions.",
      "Each line is {\"key\", \"timestamp\", \"value\"}; a removed key has a null value."
    })
final class TailCommand implements Callable<Integer> {
  private static final Duration POLL = Duration.ofMillis(500);

  @ParentCommand Impactsim root;

  @Parameters(
      index = "0",
      paramLabel = "VIEW",
      description = "market-share, capex, market-cap or reactions.")
  String view;

  @Option(names = "--from-beginning", description = "Start from the oldest record kept.")
  boolean fromBeginning;

  @Option(
      names = "--max-records",
      paramLabel = "N",
      description = "Stop after N records (default: follow until Ctrl-C).")
  Long maxRecords;

  @Override
  public Integer call() throws Exception {
    View chosen =
        View.byId(view)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown view '"
                            + view
                            + "': expected "
                            + Arrays.stream(View.values()).map(View::id).toList()));
    KafkaSettings settings = root.connection().settings();
    try (SchemaRegistry registry = settings.schemaRegistry()) {
      follow(settings, chosen.topic(settings.topics(registry)));
    }
    return 0;
  }

  private void follow(KafkaSettings settings, Topic<String, SpecificRecord> topic) {
    Properties props = settings.kafkaProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      assign(consumer, topic.name());
      // Ctrl-C wakes the consumer up, so that it is closed before the JVM exits.
      Thread hook = new Thread(consumer::wakeup, "tail-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        print(consumer, topic);
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (WakeupException e) {
        // Interrupted: stop quietly, like tail.
      }
    }
  }

  private void assign(KafkaConsumer<byte[], byte[]> consumer, String topic) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    if (partitions.isEmpty()) {
      throw new IllegalStateException("topic " + topic + " does not exist");
    }
    consumer.assign(partitions);
    if (fromBeginning) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
    }
  }

  private void print(KafkaConsumer<byte[], byte[]> consumer, Topic<String, SpecificRecord> topic) {
    long printed = 0;
    while (maxRecords == null || printed < maxRecords) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
        System.out.println(line(topic, r));
        printed++;
        if (maxRecords != null && printed >= maxRecords) {
          break;
        }
      }
      System.out.flush();
    }
  }

  private static String line(
      Topic<String, SpecificRecord> topic, ConsumerRecord<byte[], byte[]> r) {
    ObjectNode node = AvroToJson.MAPPER.createObjectNode();
    node.put("key", topic.keySerde().deserializer().deserialize(r.topic(), r.key()));
    node.put("timestamp", Instant.ofEpochMilli(r.timestamp()).toString());
    SpecificRecord value =
        topic.valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
    node.set("value", value == null ? AvroToJson.MAPPER.nullNode() : AvroToJson.toJson(value));
    return node.toString();
  }
}
