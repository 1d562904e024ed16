package io.impactsim.model.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.impactsim.producer.InputEvent;
import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The bundled defaults are what calibrating on the shipped set gives (docs/impact-model.md,
 * "Calibrating"): a change to the model, the data or the fit that moves a fitted parameter fails
 * here until the defaults are recalibrated.
 */
class BundledParametersTest {

  @Test
  void bundledDefaultsAreTheFitOfTheShippedCalibrationSet() throws IOException {
    CalibrationSet set =
        new CalibrationSet(
            ReactionsFileTest.history().events().stream().map(InputEvent::value).toList(),
            ObservedReactions.read(ReactionsFileTest.DIR.resolve("reactions.jsonl")));
    Properties bundled = CalibrationTest.bundled();

    Calibration.Result result = new Calibration(set, bundled).run(false, (d, t) -> {});

    for (Map.Entry<String, Double> p : result.parameters().entrySet()) {
      if (result.grid().containsKey(p.getKey()) || result.fitted().contains(p.getKey())) {
        double value = Double.parseDouble(bundled.getProperty(p.getKey()));
        assertThat(value)
            .as("bundled %s (recalibrate: see docs/impact-model.md#calibrating)", p.getKey())
            .isCloseTo(p.getValue(), within(1e-9 * Math.max(1, Math.abs(p.getValue()))));
      }
    }
    assertThat(result.fitted()).contains("deal.size_coefficient", "earnings.revenue_response");
  }
}
