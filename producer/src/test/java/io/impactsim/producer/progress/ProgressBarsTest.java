package io.impactsim.producer.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

class ProgressBarsTest {

  private static String run(boolean terminal) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ProgressBar bar = ProgressBars.start("fitting", 10, " fits", false, terminal, err)) {
      bar.stepTo(10);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void elsewhereThanATerminalProgressIsPlainLines() {
    String out = run(false);

    assertThat(out).doesNotContain("\r").contains("fitting").contains("10/10").endsWith("\n");
  }

  @Test
  void onATerminalTheBarIsRedrawnInPlace() {
    assertThat(run(true)).contains("\r").contains("fitting");
  }
}
