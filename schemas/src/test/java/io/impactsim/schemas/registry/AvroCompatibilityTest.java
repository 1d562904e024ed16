package io.impactsim.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compatibility levels on small schemas: each kind of change against each level, and the
 * transitive levels against a history whose latest version alone would hide a break.
 */
class AvroCompatibilityTest {
  private static final String ID = "{\"name\":\"id\",\"type\":\"string\"}";

  /** One change from an old schema to a new one. */
  enum Change {
    ADD_FIELD_WITH_DEFAULT(
        price("\"long\""),
        price("\"long\"", "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}")),
    ADD_FIELD_WITHOUT_DEFAULT(
        price("\"long\""), price("\"long\"", "{\"name\":\"note\",\"type\":\"string\"}")),
    REMOVE_FIELD_WITHOUT_DEFAULT(
        price("\"long\""), record("{\"name\":\"id\",\"type\":\"string\"}")),
    PROMOTE_INT_TO_LONG(price("\"int\""), price("\"long\"")),
    CHANGE_LONG_TO_STRING(price("\"long\""), price("\"string\"")),
    UNCHANGED(price("\"long\""), price("\"long\""));

    final Schema before;
    final Schema after;

    Change(Schema before, Schema after) {
      this.before = before;
      this.after = after;
    }
  }

  @ParameterizedTest(name = "{0} under {1}: compatible = {2}")
  @CsvSource({
    "ADD_FIELD_WITH_DEFAULT,       BACKWARD, true",
    "ADD_FIELD_WITH_DEFAULT,       FORWARD,  true",
    "ADD_FIELD_WITH_DEFAULT,       FULL,     true",
    "ADD_FIELD_WITHOUT_DEFAULT,    BACKWARD, false",
    "ADD_FIELD_WITHOUT_DEFAULT,    FORWARD,  true",
    "ADD_FIELD_WITHOUT_DEFAULT,    FULL,     false",
    "REMOVE_FIELD_WITHOUT_DEFAULT, BACKWARD, true",
    "REMOVE_FIELD_WITHOUT_DEFAULT, FORWARD,  false",
    "REMOVE_FIELD_WITHOUT_DEFAULT, FULL,     false",
    "PROMOTE_INT_TO_LONG,          BACKWARD, true",
    "PROMOTE_INT_TO_LONG,          FORWARD,  false",
    "PROMOTE_INT_TO_LONG,          FULL,     false",
    "CHANGE_LONG_TO_STRING,        BACKWARD, false",
    "CHANGE_LONG_TO_STRING,        FORWARD,  false",
    "CHANGE_LONG_TO_STRING,        FULL,     false",
    "UNCHANGED,                    FULL,     true",
  })
  void decidesEachChangeAsTheLevelRequires(
      Change change, CompatibilityLevel level, boolean compatible) {
    CompatibilityResult result =
        AvroCompatibility.check(level, change.after, List.of(change.before));

    assertThat(result.compatible()).isEqualTo(compatible);
    assertThat(result.messages().isEmpty()).isEqualTo(compatible);
  }

  @ParameterizedTest
  @EnumSource(Change.class)
  void noneAcceptsEveryChange(Change change) {
    assertThat(
            AvroCompatibility.check(CompatibilityLevel.NONE, change.after, List.of(change.before)))
        .isEqualTo(new CompatibilityResult(true, List.of()));
  }

  @ParameterizedTest
  @EnumSource(CompatibilityLevel.class)
  void firstVersionOfASubjectIsAlwaysCompatible(CompatibilityLevel level) {
    CompatibilityResult result =
        AvroCompatibility.check(level, Change.CHANGE_LONG_TO_STRING.after, List.of());

    assertThat(result.compatible()).isTrue();
    assertThat(result.messages()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: compatible = {1}")
  @CsvSource({
    "BACKWARD,            true",
    "FORWARD,             true",
    "FULL,                true",
    "BACKWARD_TRANSITIVE, false",
    "FORWARD_TRANSITIVE,  false",
    "FULL_TRANSITIVE,     false",
  })
  void transitiveLevelsCheckEveryVersionAndOthersTheLatestOnly(
      CompatibilityLevel level, boolean compatible) {
    // v1 has a text note, v2 drops it, v3 brings it back as a number: each step is fine on its
    // own, but v3 and v1 cannot read each other's notes.
    Schema v1 = record(ID, "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}");
    Schema v2 = record(ID);
    Schema v3 = record(ID, "{\"name\":\"note\",\"type\":\"int\",\"default\":0}");

    CompatibilityResult result = AvroCompatibility.check(level, v3, List.of(v1, v2));

    assertThat(result.compatible()).isEqualTo(compatible);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "BACKWARD, new schema reading old data, old schema reading new data",
    "FORWARD,  old schema reading new data, new schema reading old data",
  })
  void messagesSayWhichReaderFailsAndWhere(
      CompatibilityLevel level, String failing, String passing) {
    Change change =
        level == CompatibilityLevel.BACKWARD
            ? Change.ADD_FIELD_WITHOUT_DEFAULT
            : Change.REMOVE_FIELD_WITHOUT_DEFAULT;

    CompatibilityResult result =
        AvroCompatibility.check(level, change.after, List.of(change.before));

    assertThat(result.messages())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .startsWith(failing + ": READER_FIELD_MISSING_DEFAULT_VALUE at field '")
                    .contains("(/fields/")
                    .doesNotContain(passing));
  }

  @ParameterizedTest
  @EnumSource(
      value = CompatibilityLevel.class,
      names = {"FULL", "FULL_TRANSITIVE"})
  void fullLevelsReportBothDirections(CompatibilityLevel level) {
    CompatibilityResult result =
        AvroCompatibility.check(
            level,
            Change.CHANGE_LONG_TO_STRING.after,
            List.of(Change.CHANGE_LONG_TO_STRING.before));

    assertThat(result.messages())
        .anySatisfy(m -> assertThat(m).startsWith("new schema reading old data: "))
        .anySatisfy(m -> assertThat(m).startsWith("old schema reading new data: "));
  }

  private static Schema price(String amountType, String... more) {
    String amount = "{\"name\":\"amountUsd\",\"type\":" + amountType + "}";
    String[] fields = new String[more.length + 2];
    fields[0] = ID;
    fields[1] = amount;
    System.arraycopy(more, 0, fields, 2, more.length);
    return record(fields);
  }

  private static Schema record(String... fields) {
    return new Schema.Parser()
        .parse(
            "{\"type\":\"record\",\"name\":\"Price\",\"namespace\":\"test\",\"fields\":["
                + String.join(",", fields)
                + "]}");
  }
}
