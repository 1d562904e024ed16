package io.impactsim.views.input;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records that cannot be decoded or processed to the dead-letter topic named by {@code
 * errors.dead.letter.queue.topic.name} (Kafka Streams' own dead-letter mechanism, KIP-1034), with
 * the original bytes and impactsim's reason headers (bounded in size, {@link DeadLetters#letter}),
 * and lets the application carry on.
 *
 * <p>The global thread that maintains the company profiles has no producer: there a bad profile is
 * skipped, and the {@link ProfileGate}, which reads the same records in a stream task, dead-letters
 * it.
 */
public final class DeadLetterHandler
    implements DeserializationExceptionHandler, ProcessingExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

  private String deadLetterTopic;
  private String internalPrefix;
  private int maxBytes;

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    deadLetterTopic = topic == null ? null : topic.toString();
    internalPrefix = configs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-";
    maxBytes = DeadLetters.maxBytes(configs);
  }

  @Override
  public DeserializationExceptionHandler.Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (internal(context)) {
      LOG.error(stopping(context, "cannot decode", exception));
      return DeserializationExceptionHandler.Response.fail();
    }
    List<ProducerRecord<byte[], byte[]>> letters =
        letterFor(context, record.key(), record.value(), "cannot decode record", exception);
    return DeserializationExceptionHandler.Response.resume(letters);
  }

  @Override
  public ProcessingExceptionHandler.Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (internal(context)) {
      LOG.error(stopping(context, "cannot process", exception));
      return ProcessingExceptionHandler.Response.fail();
    }
    List<ProducerRecord<byte[], byte[]>> letters =
        letterFor(
            context,
            context.sourceRawKey(),
            context.sourceRawValue(),
            "cannot process record in " + context.processorNodeId(),
            exception);
    return ProcessingExceptionHandler.Response.resume(letters);
  }

  /**
   * Whether the failed record came from one of the application's own topics (the changes behind a
   * repartition): its bytes are no input a user could fix, and skipping it would leave a view
   * inexact, so the task stops instead. Input records fail only before any state changes (the gate,
   * or an event pass that applies an event whole or not at all), so they can be skipped.
   */
  private boolean internal(ErrorHandlerContext context) {
    return context.topic() != null && context.topic().startsWith(internalPrefix);
  }

  private static String stopping(ErrorHandlerContext context, String what, Exception exception) {
    return "Stopping: "
        + what
        + " the internal record "
        + context.topic()
        + "-"
        + context.partition()
        + "@"
        + context.offset()
        + " in "
        + context.processorNodeId()
        + " ("
        + exception
        + "). Internal records carry the views' state; skipping one would leave them inexact."
        + " Keep the application's version unchanged while it has unprocessed internal records,"
        + " or rebuild the views from the log with 'impactsim reset'.";
  }

  private List<ProducerRecord<byte[], byte[]>> letterFor(
      ErrorHandlerContext context, byte[] key, byte[] value, String what, Exception exception) {
    String reason = DeadLetters.cut(what + ": " + exception.getMessage());
    boolean globalThread = context.taskId() == null || context.taskId().subtopology() < 0;
    if (globalThread) {
      // The profile gate dead-letters the same record.
      LOG.debug(
          "Skipping record {}-{}@{} in the global store: {}",
          context.topic(),
          context.partition(),
          context.offset(),
          reason);
      return List.of();
    }
    if (deadLetterTopic == null) {
      LOG.warn(
          "Skipping record {}-{}@{}: {}",
          context.topic(),
          context.partition(),
          context.offset(),
          reason);
      return List.of();
    }
    LOG.warn(
        "Dead-lettering record {}-{}@{}: {}",
        context.topic(),
        context.partition(),
        context.offset(),
        reason);
    DeadLetters.Letter letter =
        DeadLetters.letter(
            key,
            value,
            context.headers(),
            reason,
            context.topic(),
            context.partition(),
            context.offset(),
            exception.getClass().getName(),
            maxBytes);
    return List.of(
        new ProducerRecord<>(
            deadLetterTopic, null, null, letter.key(), letter.value(), letter.headers()));
  }
}
