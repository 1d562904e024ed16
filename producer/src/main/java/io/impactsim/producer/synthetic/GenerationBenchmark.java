package io.impactsim.producer.synthetic;

import io.impactsim.producer.InputEvent;

/**
 * Measures how fast the synthetic market is generated, without Kafka: {@code java -cp ...
 * io.impactsim.producer.synthetic.GenerationBenchmark [events] [companies] [seed]}. A warm-up pass
 * runs first so the figure is of compiled code.
 */
public final class GenerationBenchmark {
  private GenerationBenchmark() {}

  public static void main(String[] args) {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int companies = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    SyntheticMarket market = new SyntheticMarket(SyntheticConfig.of(events, companies, seed));
    consume(market);
    long start = System.nanoTime();
    long checksum = consume(market);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "generated %,d events (%d companies, seed %d) in %.2f s: %,.0f events/s (checksum %d)%n",
        events, companies, seed, seconds, events / seconds, checksum);
  }

  private static long consume(SyntheticMarket market) {
    long checksum = 0;
    for (InputEvent e : market) {
      checksum += e.key().length();
    }
    return checksum;
  }
}
