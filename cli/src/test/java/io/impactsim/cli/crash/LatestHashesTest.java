package io.impactsim.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatestHashesTest {
  @Test
  void keepsTheLatestValueAndForgetsRemovedKeys() {
    LatestHashes latest = new LatestHashes();
    latest.put(0, 1);
    latest.put(-7, 2);
    latest.put(0, 3);
    latest.remove(-7);
    latest.remove(42);

    assertThat(latest.size()).isEqualTo(1);
    assertThat(latest.contains(0)).isTrue();
    assertThat(latest.get(0)).isEqualTo(3);
    assertThat(latest.contains(-7)).isFalse();

    latest.put(-7, 4);
    assertThat(latest.size()).isEqualTo(2);
    assertThat(latest.get(-7)).isEqualTo(4);
  }

  @Test
  void agreesWithAHashMapOverManyKeysAndGrowths() {
    SplittableRandom random = new SplittableRandom(7);
    LatestHashes latest = new LatestHashes();
    Map<Long, Long> reference = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      // Few distinct keys among many records, as in a view topic with updates and tombstones.
      long key = random.nextLong(50_000) * 0x9E3779B97F4A7C15L;
      if (random.nextInt(10) == 0) {
        latest.remove(key);
        reference.remove(key);
      } else {
        long value = random.nextLong();
        latest.put(key, value);
        reference.put(key, value);
      }
    }

    assertThat(latest.size()).isEqualTo(reference.size());
    Map<Long, Long> visited = new HashMap<>();
    latest.forEach(visited::put);
    assertThat(visited).isEqualTo(reference);
    reference.forEach((k, v) -> assertThat(latest.get(k)).isEqualTo(v));
  }
}
