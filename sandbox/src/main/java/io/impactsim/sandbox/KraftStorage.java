package io.impactsim.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * The on-disk state of a single-node KRaft cluster: formats a new log directory, or recognises one
 * formatted earlier and reads its cluster id back, so that a data directory survives restarts.
 */
final class KraftStorage {
  private static final String META_PROPERTIES = "meta.properties";
  private static final String CLUSTER_ID = "cluster.id";

  private KraftStorage() {}

  /**
   * Formats {@code logDir} unless it was formatted before.
   *
   * @return the cluster id stored in the directory
   */
  static String formatIfNeeded(Path logDir, int nodeId, String controllerListener)
      throws IOException {
    Path meta = logDir.resolve(META_PROPERTIES);
    if (Files.exists(meta)) {
      return readClusterId(meta);
    }
    Files.createDirectories(logDir);
    String clusterId = Uuid.randomUuid().toString();
    Formatter formatter =
        new Formatter()
            .setPrintStream(
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
            .setNodeId(nodeId)
            .setClusterId(clusterId)
            .setDirectories(List.of(logDir.toString()))
            .setMetadataLogDirectory(logDir.toString())
            .setControllerListenerName(controllerListener)
            .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
            .setSupportedFeatures(Feature.PRODUCTION_FEATURES);
    try {
      formatter.run();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot format KRaft storage in " + logDir + ": " + e.getMessage(), e);
    }
    return clusterId;
  }

  private static String readClusterId(Path meta) throws IOException {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
      props.load(in);
    }
    String clusterId = props.getProperty(CLUSTER_ID);
    if (clusterId == null || clusterId.isBlank()) {
      throw new IOException(meta + " has no " + CLUSTER_ID + "; delete the data directory");
    }
    return clusterId;
  }
}
