package io.impactsim.bench;

import java.util.Arrays;

/**
 * Publish-to-view latencies of the latency run, in milliseconds.
 *
 * @param rate events per second the run published at
 * @param published events published after the warm-up share
 * @param samples latencies of the events whose reaction reached the view topic
 */
public record Latency(int rate, long published, double[] samples) {

  public Latency {
    samples = samples.clone();
    Arrays.sort(samples);
  }

  public double percentile(double p) {
    if (samples.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * samples.length) - 1;
    return samples[Math.max(0, Math.min(samples.length - 1, index))];
  }

  public double max() {
    return samples.length == 0 ? Double.NaN : samples[samples.length - 1];
  }

  public int measured() {
    return samples.length;
  }
}
