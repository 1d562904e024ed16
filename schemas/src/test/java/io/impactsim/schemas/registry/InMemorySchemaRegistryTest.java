package io.impactsim.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.schemas.avro.CompanyProfile;
import io.impactsim.schemas.avro.DealAnnounced;
import io.impactsim.schemas.fixtures.SchemaVariants;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The in-memory registry gives ids, versions and compatibility answers as a Confluent registry
 * does, so unit tests that use it see what production would.
 */
class InMemorySchemaRegistryTest {
  private static final String DEALS = "impactsim.deals.v1-value";
  private static final Schema CURRENT = DealAnnounced.getClassSchema();
  private static final Schema BEFORE_NOTES = SchemaVariants.withoutField(CURRENT, "notes");
  private static final Schema TERM_AS_TEXT =
      SchemaVariants.withFieldType(
          CURRENT,
          "termMonths",
          Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)));

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  @Test
  void firstSchemaOfASubjectIsVersionOne() {
    int id = registry.register(DEALS, CURRENT);

    assertThat(registry.latest(DEALS)).isEqualTo(new RegisteredSchema(DEALS, 1, id, CURRENT));
    assertThat(registry.schemaById(id)).isEqualTo(CURRENT);
  }

  @Test
  void registeringTheSameSchemaAgainKeepsItsIdAndVersion() {
    int id = registry.register(DEALS, CURRENT);

    assertThat(registry.register(DEALS, new Schema.Parser().parse(CURRENT.toString())))
        .isEqualTo(id);
    assertThat(registry.versions(DEALS)).containsExactly(1);
  }

  @Test
  void compatibleChangeBecomesTheNextVersionWithANewId() {
    int first = registry.register(DEALS, BEFORE_NOTES);
    int second = registry.register(DEALS, CURRENT);

    assertThat(second).isNotEqualTo(first);
    assertThat(registry.versions(DEALS)).containsExactly(1, 2);
    assertThat(registry.latest(DEALS)).isEqualTo(new RegisteredSchema(DEALS, 2, second, CURRENT));
    assertThat(registry.schemaById(first)).isEqualTo(BEFORE_NOTES);
  }

  @Test
  void oneSchemaUnderTwoSubjectsHasOneId() {
    int id = registry.register(DEALS, CURRENT);

    assertThat(registry.register("replay.deals.v1-value", CURRENT)).isEqualTo(id);
    assertThat(registry.subjects()).containsExactly(DEALS, "replay.deals.v1-value");
    assertThat(registry.latest("replay.deals.v1-value").version()).isEqualTo(1);
  }

  @Test
  void incompatibleSchemaIsRejectedNamingTheSubjectAndNothingIsRegistered() {
    int id = registry.register(DEALS, CURRENT);

    assertThatThrownBy(() -> registry.register(DEALS, TERM_AS_TEXT))
        .isInstanceOfSatisfying(
            IncompatibleSchemaException.class,
            e -> {
              assertThat(e.subject()).isEqualTo(DEALS);
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.getMessage()).startsWith("schema rejected for subject '" + DEALS + "'");
            });
    assertThat(registry.versions(DEALS)).containsExactly(1);
    assertThat(registry.latest(DEALS).id()).isEqualTo(id);
    assertThat(registry.lookup(DEALS, TERM_AS_TEXT)).isEmpty();
    assertThatThrownBy(() -> registry.schemaById(id + 1))
        .isInstanceOf(SchemaNotFoundException.class);
  }

  @Test
  void checkCompatibilityAnswersWithoutRegistering() {
    registry.register(DEALS, CURRENT);

    CompatibilityResult result = registry.checkCompatibility(DEALS, TERM_AS_TEXT);

    assertThat(result.compatible()).isFalse();
    assertThat(result.messages()).isNotEmpty();
    assertThat(registry.checkCompatibility(DEALS, BEFORE_NOTES).compatible()).isTrue();
    assertThat(registry.versions(DEALS)).containsExactly(1);
  }

  @Test
  void subjectWithoutVersionsAcceptsAnyFirstSchema() {
    assertThat(registry.checkCompatibility(DEALS, TERM_AS_TEXT).compatible()).isTrue();
  }

  @Test
  void levelSetOnASubjectOverridesTheDefault() {
    registry.register(DEALS, CURRENT);
    registry.setCompatibility(DEALS, CompatibilityLevel.NONE);

    registry.register(DEALS, TERM_AS_TEXT);

    assertThat(registry.compatibility(DEALS)).contains(CompatibilityLevel.NONE);
    assertThat(registry.compatibility("other-value")).isEmpty();
    assertThat(registry.versions(DEALS)).containsExactly(1, 2);
  }

  @Test
  void defaultLevelAppliesToSubjectsWithoutTheirOwn() {
    InMemorySchemaRegistry lenient = new InMemorySchemaRegistry(CompatibilityLevel.NONE);
    lenient.register(DEALS, CURRENT);

    lenient.register(DEALS, TERM_AS_TEXT);

    assertThat(lenient.versions(DEALS)).containsExactly(1, 2);
  }

  @Test
  void transitiveLevelChecksEveryVersionNotJustTheLatest() {
    Schema withoutTerm = SchemaVariants.withoutField(CURRENT, "termMonths");
    registry.register(DEALS, TERM_AS_TEXT);
    registry.register(DEALS, withoutTerm);

    assertThat(registry.checkCompatibility(DEALS, CURRENT).compatible()).isTrue();
    registry.setCompatibility(DEALS, CompatibilityLevel.BACKWARD_TRANSITIVE);
    assertThat(registry.checkCompatibility(DEALS, CURRENT).compatible()).isFalse();
  }

  @Test
  void lookupFindsOnlyTheExactSchemaInThatSubject() {
    int id = registry.register(DEALS, CURRENT);

    assertThat(registry.lookup(DEALS, CURRENT))
        .contains(new RegisteredSchema(DEALS, 1, id, CURRENT));
    assertThat(registry.lookup(DEALS, BEFORE_NOTES)).isEmpty();
    assertThat(registry.lookup("impactsim.companies.v1-value", CURRENT)).isEmpty();
  }

  @Test
  void unknownIdAndSubjectAnswerWithConfluentErrorCodes() {
    registry.register("impactsim.companies.v1-value", CompanyProfile.getClassSchema());

    assertThatThrownBy(() -> registry.schemaById(99))
        .isInstanceOfSatisfying(
            SchemaNotFoundException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(40403);
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.getMessage()).contains("99");
            });
    assertThatThrownBy(() -> registry.latest(DEALS))
        .isInstanceOfSatisfying(
            SchemaNotFoundException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(40401);
              assertThat(e.getMessage()).contains(DEALS);
            });
    assertThat(registry.versions(DEALS)).isEmpty();
  }
}
