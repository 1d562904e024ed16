package io.impactsim.sandbox;

/**
 * Starts a broker on a temporary data directory, prints that directory and exits without closing
 * the broker, as a test JVM stopped half-way does.
 */
final class ExitWithoutClose {
  private ExitWithoutClose() {}

  public static void main(String[] args) {
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker().start();
    System.out.println("data-dir=" + broker.dataDir());
    System.out.flush();
    System.exit(0);
  }
}
