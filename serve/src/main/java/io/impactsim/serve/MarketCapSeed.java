package io.impactsim.serve;

import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.json.JsonToAvro;
import io.impactsim.views.View;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the market-cap metrics the companies that have not changed since the feed started: once, as
 * soon as the application runs, it joins the feed (whose later changes reach the metrics anyway)
 * and reads the market-cap view from the stores for that position. Retries every few seconds until
 * it has succeeded, on its own thread so that a slow snapshot delays no other meter.
 */
final class MarketCapSeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MarketCapSeed.class);
  private static final Duration RETRY = Duration.ofSeconds(2);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final KafkaStreams streams;
  private final ViewFeed feed;
  private final ViewSnapshot snapshot;
  private final ServingMetrics metrics;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "impactsim-market-cap-seed");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean done;

  MarketCapSeed(
      KafkaStreams streams, ViewFeed feed, ViewSnapshot snapshot, ServingMetrics metrics) {
    this.streams = streams;
    this.feed = feed;
    this.snapshot = snapshot;
    this.metrics = metrics;
  }

  void start() {
    thread.scheduleWithFixedDelay(this::attempt, 0, RETRY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void attempt() {
    if (done || streams.state() != KafkaStreams.State.RUNNING) {
      return;
    }
    ViewFeed.Subscriber discard =
        new ViewFeed.Subscriber() {
          @Override
          public boolean offer(ViewFeed.Change change) {
            return true;
          }

          @Override
          public void ended(String why) {}
        };
    try {
      Map<TopicPartition, Long> at =
          feed.subscribe(discard).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      snapshot.take(
          List.of(View.MARKET_CAP),
          at,
          TIMEOUT,
          e ->
              metrics.seedMarketCap(
                  JsonToAvro.read(e.value(), SimulatedMarketCap.getClassSchema())));
      done = true;
      thread.shutdown();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.debug("market-cap metrics not read from the stores yet: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      feed.unsubscribe(discard);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
