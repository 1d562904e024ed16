package io.impactsim.streams.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactsim.streams.internal.BinarySerde;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StateSerdesTest {
  private static final ShareFigures AWS =
      new ShareFigures("cloud", "ALL", "amazon", "AWS", 38L, 5L, 1, 0, 1_700_000_000_000L);
  private static final ShareFigures EXCLUDED =
      new ShareFigures("cloud", "2025-Q4", ShareFigures.EXCLUDED, "", 0, 0, 0, 2, 7L);

  private static <T> T roundTrip(BinarySerde<T> serde, T value) {
    byte[] bytes = serde.serializer().serialize("t", value);
    return serde.deserializer().deserialize("t", bytes);
  }

  @Test
  void contractStateSurvivesItsChangelog() {
    ContractState state = new ContractState(5L, "e2", 3L, AWS, AWS.inPeriod("2025-Q4"));
    ContractState closed = new ContractState(5L, "e2", 3L, AWS, null);

    assertThat(roundTrip(ContractState.SERDE, state)).isEqualTo(state);
    assertThat(roundTrip(ContractState.SERDE, closed)).isEqualTo(closed);
  }

  @Test
  void segmentProvidersSurviveTheirChangelog() {
    SegmentProviders providers = new SegmentProviders(Map.of("amazon", AWS, "", EXCLUDED));

    assertThat(roundTrip(SegmentProviders.SERDE, providers)).isEqualTo(providers);
  }

  @Test
  void stateWrittenByANewerFormatIsRefused() {
    byte[] bytes = ShareFigures.SERDE.serializer().serialize("t", AWS);
    bytes[0] = 99;

    assertThatThrownBy(() -> ShareFigures.SERDE.deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("newer");
  }

  @Test
  void emptiedProviderLeavesTheSegment() {
    SegmentProviders providers = SegmentProviders.empty().with(AWS);

    SegmentProviders after = providers.with(AWS.plus(AWS.negated(9L)));

    assertThat(after.byProvider()).isEmpty();
  }
}
