package io.impactsim.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpeedTest {

  @Test
  void parsesRatesFactorsAndMax() {
    assertThat(Speed.parse("max").isMax()).isTrue();
    assertThat(Speed.parse("1d/s").factor()).isEqualTo(86_400);
    assertThat(Speed.parse("2h/s").factor()).isEqualTo(7_200);
    assertThat(Speed.parse("1w/s").factor()).isEqualTo(604_800);
    assertThat(Speed.parse("30m/s").factor()).isEqualTo(1_800);
    assertThat(Speed.parse("3600x").factor()).isEqualTo(3_600);
    assertThat(Speed.parse("0.5x").factor()).isEqualTo(0.5);
    assertThat(Speed.parse(" 1D/S ").factor()).isEqualTo(86_400);
  }

  @Test
  void convertsEventTimeToWallTime() {
    assertThat(Speed.parse("1d/s").wallTimeFor(Duration.ofDays(7)))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(Speed.MAX.wallTimeFor(Duration.ofDays(7))).isEqualTo(Duration.ZERO);
  }

  @Test
  void rejectsWhatItCannotRead() {
    assertThatThrownBy(() -> Speed.parse("fast"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid speed 'fast'");
    assertThatThrownBy(() -> Speed.parse("0x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Speed.parse("1y/s")).isInstanceOf(IllegalArgumentException.class);
  }
}
