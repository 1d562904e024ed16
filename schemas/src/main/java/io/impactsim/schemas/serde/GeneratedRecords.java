package io.impactsim.schemas.serde;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Trusts the package of impactsim's generated Avro records. Avro 1.12 refuses to instantiate
 * classes outside trusted packages while decoding; without this every read of a record with a
 * nested record would fail with a SecurityException.
 */
public final class GeneratedRecords {
  /** The package the Avro compiler writes impactsim's records into. */
  public static final String PACKAGE = "io.impactsim.schemas.avro";

  private static final AtomicBoolean TRUSTED = new AtomicBoolean();

  private GeneratedRecords() {}

  /** Adds the generated package to Avro's trusted classes; safe to call any number of times. */
  public static void trust() {
    if (TRUSTED.compareAndSet(false, true)) {
      ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
      ClassSecurityValidator.setGlobal(
          ClassSecurityValidator.composite(previous, cls -> cls.getPackageName().equals(PACKAGE)));
    }
  }
}
