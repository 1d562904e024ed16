package io.impactsim.schemas.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of the key encoding over random tuples drawn from a fixed seed. The tuples use few
 * distinct characters, the separator and the escape among them, so that collisions would be
 * frequent if the encoding allowed any.
 */
class CompositeKeyTest {
  private static final int CASES = 5_000;

  @Test
  void distinctTuplesNeverShareAKey() {
    for (List<String>[] pair : pairs()) {
      assertThat(key(pair[0]).equals(key(pair[1])))
          .as("%s and %s", pair[0], pair[1])
          .isEqualTo(pair[0].equals(pair[1]));
    }
  }

  @Test
  void partsGiveBackTheTuple() {
    for (List<String>[] pair : pairs()) {
      assertThat(CompositeKey.parts(key(pair[0]))).isEqualTo(pair[0]);
    }
  }

  @Test
  void aPrefixStartsExactlyTheKeysThatExtendIt() {
    for (List<String>[] pair : pairs()) {
      List<String> head = pair[0];
      List<String> tuple = pair[1];
      String prefix = CompositeKey.prefix(head.toArray(String[]::new));
      boolean extendsHead =
          tuple.size() > head.size() && tuple.subList(0, head.size()).equals(head);
      assertThat(key(tuple).startsWith(prefix))
          .as("%s starts %s", head, tuple)
          .isEqualTo(extendsHead);
    }
  }

  @Test
  void idsWithTheSeparatorNoLongerFallIntoAnotherEntitysRange() {
    // Joined with a bare '|', company "a|b" and event "x" gave the key of company "a", event "b|x".
    assertThat(CompositeKey.of("a|b", "x")).isNotEqualTo(CompositeKey.of("a", "b|x"));
    assertThat(CompositeKey.of("a|b", "x")).doesNotStartWith(CompositeKey.prefix("a"));
    assertThat(CompositeKey.of("ai-compute-cloud", "2025-Q4"))
        .isEqualTo("ai-compute-cloud|2025-Q4");
  }

  @Test
  void refusesNullPartsAndTruncatedEscapes() {
    assertThatThrownBy(() -> CompositeKey.of("a", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CompositeKey.parts("a\\"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String key(List<String> tuple) {
    return CompositeKey.of(tuple.toArray(String[]::new));
  }

  @SuppressWarnings("unchecked")
  private static List<List<String>[]> pairs() {
    SplittableRandom random = new SplittableRandom(20261206L);
    List<List<String>[]> cases = new ArrayList<>(CASES);
    for (int i = 0; i < CASES; i++) {
      List<String> a = tuple(random);
      // Every fourth pair shares its head, so that equal and prefix cases are common too.
      List<String> b = i % 4 == 0 ? extend(a, random) : tuple(random);
      cases.add(new List[] {a, b});
    }
    return cases;
  }

  private static List<String> extend(List<String> head, SplittableRandom random) {
    List<String> tuple = new ArrayList<>(head);
    int more = random.nextInt(3);
    for (int i = 0; i < more; i++) {
      tuple.add(part(random));
    }
    return tuple;
  }

  private static List<String> tuple(SplittableRandom random) {
    int size = 1 + random.nextInt(4);
    List<String> tuple = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      tuple.add(part(random));
    }
    return tuple;
  }

  private static String part(SplittableRandom random) {
    char[] alphabet = {'a', 'b', '|', '\\'};
    char[] chars = new char[random.nextInt(5)];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(chars);
  }
}
