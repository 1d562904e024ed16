package io.impactsim.model.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HuberFitTest {

  @Test
  void oneWildObservationBarelyMovesTheRobustSlope() {
    // y = 2x at x = 1..9, and y = 100 at x = 10 where the line gives 20. Least squares through the
    // origin gives sum(xy) / sum(x^2) = (2 x 285 + 1000) / 385 = 4.08; Huber keeps it near 2.
    double[][] x = new double[10][1];
    double[] y = new double[10];
    for (int i = 0; i < 10; i++) {
      x[i][0] = i + 1;
      y[i] = 2 * (i + 1);
    }
    y[9] = 100;

    double slope = HuberFit.fit(x, y)[0];

    assertThat(slope).isCloseTo(2.0, within(0.05));
  }

  @Test
  void exactDataIsFittedExactly() {
    double[][] x = {{1, 0}, {0, 1}, {1, 1}, {2, 1}};
    double[] y = {3, -1, 2, 5};

    double[] beta = HuberFit.fit(x, y);

    assertThat(beta[0]).isCloseTo(3, within(1e-6));
    assertThat(beta[1]).isCloseTo(-1, within(1e-6));
  }
}
