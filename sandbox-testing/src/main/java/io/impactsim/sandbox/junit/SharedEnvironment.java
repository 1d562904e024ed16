package io.impactsim.sandbox.junit;

import io.impactsim.topics.TopicAdmin;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What every kind of environment shares: client settings, unique names and topic creation through
 * one admin client. Subclasses own the cluster and the registry and release them in {@link
 * #closeResources()}.
 */
abstract class SharedEnvironment implements KafkaEnvironment, AutoCloseable {
  private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);
  private static final AtomicLong COUNTER = new AtomicLong();

  private final Map<String, Object> securitySettings;
  private Admin admin;

  SharedEnvironment(Map<String, Object> securitySettings) {
    this.securitySettings = Map.copyOf(securitySettings);
  }

  @Override
  public Map<String, Object> clientProperties() {
    Map<String, Object> props = new HashMap<>(securitySettings);
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  @Override
  public String uniqueName(String prefix) {
    String random = UUID.randomUUID().toString().substring(0, 8);
    return prefix + "-" + COUNTER.incrementAndGet() + "-" + random;
  }

  @Override
  public void createTopics(NewTopic... topics) {
    try {
      TopicAdmin.ensureTopics(admin(), List.of(topics), TOPIC_TIMEOUT);
    } catch (TimeoutException e) {
      throw new IllegalStateException("topics not ready within " + TOPIC_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  private synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(clientProperties());
    }
    return admin;
  }

  @Override
  public final synchronized void close() throws Exception {
    try {
      if (admin != null) {
        admin.close(Duration.ofSeconds(10));
        admin = null;
      }
    } finally {
      closeResources();
    }
  }

  /** Releases the cluster and registry this environment started, if any. */
  abstract void closeResources() throws Exception;
}
