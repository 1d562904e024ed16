package io.impactsim.serve;

import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.views.View;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The meters behind {@code GET /metrics}: Kafka Streams, Kafka client and JVM metrics, and the
 * domain metrics documented in docs/serving.md. Owns the daemon scheduler the Kafka binders refresh
 * on, because their close does not stop an executor handed to them.
 */
final class ServingMetrics implements AutoCloseable {
  /** Distinct dead-letter reasons kept as tags; further ones are counted as {@code other}. */
  static final int MAX_REASONS = 50;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "impactsim-metrics-refresh");
            t.setDaemon(true);
            return t;
          });
  private final Duration refresh;
  private final List<AutoCloseable> binders = new ArrayList<>();
  private final int marketCapCompanies;
  private final Map<String, SimulatedMarketCap> marketCaps = new ConcurrentHashMap<>();
  private final MultiGauge marketCapSeries;
  private final Map<String, AtomicLong> processed = new ConcurrentHashMap<>();
  private final Map<String, Boolean> reasons = new ConcurrentHashMap<>();

  /**
   * @param marketCapCompanies how many companies, the largest by simulated value, get market-cap
   *     series
   */
  ServingMetrics(Duration refresh, int marketCapCompanies) {
    this.refresh = refresh;
    this.marketCapCompanies = marketCapCompanies;
    this.marketCapSeries =
        MultiGauge.builder("impactsim.market.cap")
            .description(
                "Simulated market capitalization and its uncertainty band, of the largest companies")
            .baseUnit("usd")
            .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    binders.add(gc);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  void bindStreams(KafkaStreams streams) {
    // The same tag keys as the view feed's client meters: Prometheus keeps one label set per
    // metric name, so meters of one name without the tag would be dropped from the scrape.
    KafkaStreamsMetrics binder =
        new KafkaStreamsMetrics(streams, Tags.of("client", "streams"), scheduler, refresh);
    binder.bindTo(registry);
    binders.add(binder);
  }

  void bindConsumer(Consumer<?, ?> consumer) {
    KafkaClientMetrics binder =
        new KafkaClientMetrics(consumer, Tags.of("client", "view-feed"), scheduler, refresh);
    binder.bindTo(registry);
    binders.add(binder);
  }

  /** Runs a task on the metrics scheduler every refresh interval. */
  void every(Runnable task) {
    every(task, refresh);
  }

  /** Runs a task on the metrics scheduler at the given interval. */
  void every(Runnable task, Duration interval) {
    scheduler.scheduleWithFixedDelay(
        task, 0, interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** Sets how many input records of an event type the application has processed. */
  void processed(String type, long count) {
    processed
        .computeIfAbsent(
            type,
            t -> {
              AtomicLong value = new AtomicLong();
              Gauge.builder("impactsim.events.processed", value, AtomicLong::doubleValue)
                  .description("Input events the streams application has consumed, by type")
                  .tag("type", t)
                  .register(registry);
              return value;
            })
        .set(count);
  }

  /** Registers the gauge of open live-stream clients, read from {@code count}. */
  void liveClients(Supplier<Number> count) {
    Gauge.builder("impactsim.live.clients", count)
        .description("Clients connected to the live stream (/api/stream)")
        .register(registry);
  }

  void deadLetter(String reason, String sourceTopic) {
    String tag = reason;
    if (!reasons.containsKey(reason)) {
      tag = reasons.size() < MAX_REASONS ? reason : "other";
      reasons.putIfAbsent(tag, true);
    }
    Counter.builder("impactsim.dead.letters")
        .description("Events rejected to the dead-letter topic, by reason")
        .tags("reason", tag, "topic", sourceTopic)
        .register(registry)
        .increment();
  }

  /** Records the time from an event's occurrence to the view change it caused being visible. */
  void viewLag(View view, Duration lag) {
    Timer.builder("impactsim.view.lag")
        .description("Event time to view: from an event's occurrence to its view change")
        .tag("view", view.id())
        .register(registry)
        .record(lag.isNegative() ? Duration.ZERO : lag);
  }

  /** Keeps a company's latest value; the series are chosen when {@code /metrics} is scraped. */
  void marketCap(SimulatedMarketCap value) {
    marketCaps.put(value.getCompany(), value);
  }

  /**
   * Keeps a company's value read from the stores, unless the feed has already passed a change of
   * it: the feed's value is at least as new.
   */
  void seedMarketCap(SimulatedMarketCap value) {
    marketCaps.putIfAbsent(value.getCompany(), value);
  }

  /**
   * Publishes the market-cap series of the {@code marketCapCompanies} largest companies by
   * simulated value (ties by id), replacing those of companies that dropped out.
   */
  synchronized void refreshMarketCaps() {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    marketCaps.values().stream()
        .sorted(
            Comparator.comparingLong(SimulatedMarketCap::getSimulatedValueUsd)
                .reversed()
                .thenComparing(SimulatedMarketCap::getCompany))
        .limit(marketCapCompanies)
        .forEach(
            v -> {
              rows.add(row(v.getCompany(), "simulated", v.getSimulatedValueUsd()));
              rows.add(row(v.getCompany(), "low", v.getLowValueUsd()));
              rows.add(row(v.getCompany(), "high", v.getHighValueUsd()));
            });
    marketCapSeries.register(rows, true);
  }

  private static MultiGauge.Row<?> row(String company, String bound, long value) {
    return MultiGauge.Row.of(Tags.of("company", company, "bound", bound), value);
  }

  /** The Prometheus text exposition of every meter. */
  String scrape() {
    refreshMarketCaps();
    return registry.scrape();
  }

  @Override
  public void close() {
    for (AutoCloseable binder : binders) {
      try {
        binder.close();
      } catch (Exception e) {
        // Closing meters must not keep the rest of shutdown from happening.
      }
    }
    scheduler.shutdownNow();
    registry.close();
  }
}
