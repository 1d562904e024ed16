package io.impactsim.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The identifier rules on examples of each class, and as properties over random strings drawn from
 * a fixed seed: an accepted id survives Kafka's string encoding unchanged, so no two accepted ids
 * become one key.
 */
class IdentifiersTest {
  private static final int CASES = 20_000;

  /** Characters of every class the rules tell apart, so random ids hit each rule often. */
  private static final String[] POOL = {
    "a",
    "Z",
    "7",
    "-",
    "|",
    "é",
    "\uD83D\uDE80", // visible, including a surrogate pair
    "\uD800",
    "\uDBFF",
    "\uDC00",
    "\uDFFF", // surrogates that pair only by chance
    "\uFFFD", // what undecodable bytes become
    "\u0000",
    "\u0007",
    "\t",
    "\n",
    "\u007F",
    "\u0085", // control characters
    " ",
    "\u00A0",
    "\u2007",
    "\u202F",
    "\u3000", // spaces
    "\u200B",
    "\u200D",
    "\u2060",
    "\uFEFF",
    "\u180E",
    "\u3164",
    "\u2800",
    "\u0301" // invisible
  };

  @Test
  void ordinaryIdsAreAccepted() {
    for (String id : new String[] {"amazon", "openai-aws-2025", "a|b", "é-\uD83D\uDE80", "x"}) {
      assertThat(Identifiers.problem(id)).as(id).isEmpty();
    }
    assertThat(Identifiers.problem("x".repeat(Identifiers.MAX_LENGTH))).isEmpty();
  }

  @Test
  void eachClassOfBadIdHasItsOwnReason() {
    assertThat(Identifiers.problem("")).contains("is empty");
    assertThat(Identifiers.problem(" \t ")).contains("is blank");
    assertThat(Identifiers.problem("\u200B")).get().asString().startsWith("has only invisible");
    assertThat(Identifiers.problem("\u00A0\uFEFF\u2060"))
        .get()
        .asString()
        .startsWith("has only invisible");
    assertThat(Identifiers.problem("a\uD800b"))
        .contains("is not well-formed Unicode: unpaired surrogate U+D800 at index 1");
    assertThat(Identifiers.problem("\uDC00ab"))
        .contains("is not well-formed Unicode: unpaired surrogate U+DC00 at index 0");
    assertThat(Identifiers.problem("ab\uFFFD"))
        .get()
        .asString()
        .startsWith("contains U+FFFD at index 2");
    assertThat(Identifiers.problem("a\u0000b"))
        .contains("contains the control character U+0000 at index 1");
    assertThat(Identifiers.problem("x".repeat(1_001)))
        .contains("is longer than 1000 characters (1001)");
  }

  @Test
  void namesAndTextNeedOnlyBeWellFormed() {
    assertThat(Identifiers.nameProblem(" ")).isEmpty();
    assertThat(Identifiers.nameProblem("n".repeat(1_001))).isPresent();
    assertThat(Identifiers.textProblem("t".repeat(100_000) + "\u0000\uFFFD")).isEmpty();
    assertThat(Identifiers.textProblem("notes \uD83D")).isPresent();
  }

  @Test
  void acceptedIdsSurviveKafkasStringEncodingSoNoTwoBecomeOne() {
    SplittableRandom random = new SplittableRandom(16);
    Map<String, String> byDecoded = new HashMap<>();
    int accepted = 0;
    try (StringSerializer out = new StringSerializer();
        StringDeserializer in = new StringDeserializer()) {
      for (int i = 0; i < CASES; i++) {
        String id = randomId(random);
        Optional<String> problem = Identifiers.problem(id);
        String decoded = in.deserialize("t", out.serialize("t", id));
        if (problem.isPresent()) {
          continue;
        }
        accepted++;
        assertThat(decoded).as("round trip of an accepted id").isEqualTo(id);
        String earlier = byDecoded.putIfAbsent(decoded, id);
        assertThat(earlier == null || earlier.equals(id)).as("two ids, one key").isTrue();
      }
    }
    assertThat(accepted).as("accepted cases").isGreaterThan(CASES / 20);
  }

  @Test
  void everyRefusedIdBreaksTheRuleItsReasonNames() {
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < CASES; i++) {
      String id = randomId(random);
      Optional<String> problem = Identifiers.problem(id);
      boolean malformed = !id.equals(roundTrip(id));
      boolean control = id.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL);
      boolean visible = id.codePoints().anyMatch(c -> !Identifiers.invisible(c));
      boolean shouldFail =
          malformed || control || id.contains("\uFFFD") || !visible || id.length() > 1_000;

      assertThat(problem.isPresent()).as("%s: %s", escaped(id), problem).isEqualTo(shouldFail);
      if (problem.isPresent() && problem.get().startsWith("is not well-formed")) {
        assertThat(malformed).as(escaped(id)).isTrue();
      }
    }
  }

  private static String randomId(SplittableRandom random) {
    StringBuilder id = new StringBuilder();
    int length = random.nextInt(10) == 0 ? random.nextInt(990, 1_010) : random.nextInt(0, 6);
    for (int i = 0; i < length; i++) {
      // Mostly visible characters, so that ids pass often enough to test what passes.
      id.append(
          random.nextInt(4) > 0 ? POOL[random.nextInt(7)] : POOL[random.nextInt(POOL.length)]);
    }
    return id.toString();
  }

  private static String roundTrip(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  private static String escaped(String s) {
    StringBuilder out = new StringBuilder();
    s.chars()
        .forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : (char) c));
    return out.length() > 60 ? out.substring(0, 60) + "..." : out.toString();
  }
}
