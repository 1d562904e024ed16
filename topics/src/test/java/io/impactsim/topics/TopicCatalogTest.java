package io.impactsim.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.avro.SimulatedMarketCap;
import io.impactsim.schemas.registry.InMemorySchemaRegistry;
import io.impactsim.topics.serde.RegistryAvroSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The topic catalogue: versioned names under a validated prefix, retention by what a topic holds,
 * and serdes bound to each topic's record type.
 */
class TopicCatalogTest {
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final TopicCatalog live =
      TopicCatalog.create(TopicCatalog.DEFAULT_PREFIX, registry, true);

  @Test
  void liveTopicsAreNamedByPrefixTopicAndMajorVersion() {
    assertThat(live.all().stream().map(Topic::name))
        .containsExactly(
            "impactsim.deals.v1",
            "impactsim.restructurings.v1",
            "impactsim.earnings.v1",
            "impactsim.companies.v1",
            "impactsim.market-share.v1",
            "impactsim.capex.v1",
            "impactsim.market-cap-reactions.v2",
            "impactsim.market-cap.v1",
            "impactsim.dead-letters.v1");
  }

  @Test
  void theCatalogueOfNamesHasTheSameTopicsAndNoRegistry() {
    TopicCatalog named = TopicCatalog.names("replay-7");
    TopicCatalog full = TopicCatalog.create("replay-7", new InMemorySchemaRegistry(), false);

    assertThat(named.all().stream().map(Topic::name).toList())
        .isEqualTo(full.all().stream().map(Topic::name).toList());
    assertThat(named.all().stream().map(t -> t.newTopic(3, Optional.empty())).toList())
        .isEqualTo(full.all().stream().map(t -> t.newTopic(3, Optional.empty())).toList());
    assertThatThrownBy(
            () ->
                named
                    .deals()
                    .valueSerde()
                    .serializer()
                    .serialize(named.deals().name(), new DealAnnounced()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TopicCatalog.create");
  }

  @Test
  void prefixSeparatesNamespaces() {
    TopicCatalog whatIf = TopicCatalog.create("whatif-no-recap.2025", registry, true);

    assertThat(whatIf.prefix()).isEqualTo("whatif-no-recap.2025");
    assertThat(whatIf.deals().name()).isEqualTo("whatif-no-recap.2025.deals.v1");
    assertThat(whatIf.all())
        .allSatisfy(t -> assertThat(t.name()).startsWith("whatif-no-recap.2025."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "what if", "a/b", "deals:v1", "naïve", "x\n", "what_if"})
  void invalidPrefixIsRefusedWithTheAllowedForm(String prefix) {
    assertThatThrownBy(() -> TopicCatalog.create(prefix, registry, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "topic prefix '" + prefix + "' must be 1-100 characters of [a-zA-Z0-9.-]");
  }

  @Test
  void prefixMayBeAHundredCharactersButNotMore() {
    assertThatCode(() -> TopicCatalog.create("p".repeat(100), registry, true))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> TopicCatalog.create("p".repeat(101), registry, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyNameIsAValidKafkaTopicNameEvenWithTheLongestPrefix() {
    TopicCatalog longest = TopicCatalog.create("p".repeat(100), registry, true);

    assertThat(longest.all())
        .allSatisfy(
            t ->
                assertThatCode(() -> org.apache.kafka.common.internals.Topic.validate(t.name()))
                    .as(t.name())
                    .doesNotThrowAnyException());
  }

  @Test
  void noTwoTopicsShareAName() {
    assertThat(live.all().stream().map(Topic::name)).doesNotHaveDuplicates();
  }

  @Test
  void allIsInputsThenViewsThenDeadLetters() {
    List<Topic<?, ?>> expected = new ArrayList<>();
    expected.addAll(live.inputs());
    expected.addAll(live.views());
    expected.add(live.deadLetters());

    assertThat(live.all()).containsExactlyElementsOf(expected);
    assertThat(live.inputs())
        .containsExactly(live.deals(), live.restructurings(), live.earnings(), live.companies());
    assertThat(live.views())
        .containsExactly(
            live.marketShare(), live.capex(), live.marketCapReactions(), live.marketCap());
  }

  @Test
  void eventTopicsKeepEveryRecordForever() {
    assertThat(List.of(live.deals(), live.restructurings(), live.earnings()))
        .allSatisfy(
            t -> {
              assertThat(t.kind()).isEqualTo(TopicKind.EVENT_LOG);
              assertThat(configs(t))
                  .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
                  .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1")
                  .containsEntry(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
            });
  }

  @Test
  void viewsAreCompacted() {
    assertThat(live.views()).allSatisfy(t -> assertThat(t.kind()).isEqualTo(TopicKind.VIEW));
    assertThat(live.views())
        .allSatisfy(
            t ->
                assertThat(configs(t))
                    .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")
                    .doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG));
  }

  @Test
  void everyProfileIsKeptSinceEachIsValidFromItsOwnDate() {
    assertThat(live.companies().kind()).isEqualTo(TopicKind.REFERENCE);
    assertThat(configs(live.companies()))
        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1")
        .containsEntry(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
  }

  @Test
  void deadLettersAreKeptForInspection() {
    assertThat(live.deadLetters().kind()).isEqualTo(TopicKind.DEAD_LETTER);
    assertThat(configs(live.deadLetters()))
        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
  }

  @Test
  void newTopicCarriesPartitionsAndReplicationFactorWhenGiven() {
    NewTopic withDefault = live.deals().newTopic(6, Optional.empty());
    NewTopic replicated = live.deals().newTopic(6, Optional.of((short) 3));

    assertThat(withDefault.name()).isEqualTo("impactsim.deals.v1");
    assertThat(withDefault.numPartitions()).isEqualTo(6);
    assertThat(withDefault.replicationFactor()).isEqualTo((short) -1);
    assertThat(replicated.replicationFactor()).isEqualTo((short) 3);
  }

  @Test
  void recordTopicsHaveStringKeysAndTheirRecordsValueSerde() {
    assertThat(Stream.concat(live.inputs().stream(), live.views().stream()))
        .allSatisfy(
            t -> {
              assertThat(t.keySerde().getClass()).isEqualTo(Serdes.String().getClass());
              assertThat(t.valueSerde()).isInstanceOf(RegistryAvroSerde.class);
              assertThat(((RegistryAvroSerde<?>) t.valueSerde()).subject(t.name()))
                  .isEqualTo(t.name() + "-value");
            });
    assertThat(schemaOf(live.deals())).isEqualTo(DealAnnounced.getClassSchema());
    assertThat(schemaOf(live.companies())).isEqualTo(CompanyProfile.getClassSchema());
    assertThat(schemaOf(live.marketCap())).isEqualTo(SimulatedMarketCap.getClassSchema());
  }

  @Test
  void deadLettersAreRawBytes() {
    assertThat(live.deadLetters().keySerde().getClass()).isEqualTo(Serdes.ByteArray().getClass());
    assertThat(live.deadLetters().valueSerde().getClass()).isEqualTo(Serdes.ByteArray().getClass());
  }

  private static Map<String, String> configs(Topic<?, ?> topic) {
    return topic.newTopic(1, Optional.empty()).configs();
  }

  private static org.apache.avro.Schema schemaOf(Topic<?, ?> topic) {
    return ((RegistryAvroSerde<?>) topic.valueSerde()).schema();
  }
}
