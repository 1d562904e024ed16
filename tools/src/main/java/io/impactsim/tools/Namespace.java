package io.impactsim.tools;

import io.impactsim.topics.config.KafkaSettings;
import io.impactsim.views.StreamsOptions;
import java.util.regex.Pattern;

/**
 * An isolated namespace on the live cluster: its own topic prefix (inputs and views) and its own
 * application id, so a replay never touches the live views. Its input topics are filled from the
 * live ones by {@link LogCopier}.
 *
 * @param live settings of the live namespace the events come from
 * @param prefix topic prefix of this namespace, {@code <live prefix>.<kind>.<name>}
 * @param options streams options of this namespace: its own application id, one partition per
 *     topic, no record caches and immediate repricing, so that a replay's output depends on the log
 *     alone
 */
public record Namespace(KafkaSettings live, String prefix, StreamsOptions options) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-]{1,60}");

  /** Kind of the namespace of a full rebuild. */
  public static final String REBUILD = "rebuild";

  /** Kind of the namespace of an as-of replay. */
  public static final String AS_OF = "asof";

  /** Kind of the namespace of a what-if branch. */
  public static final String WHAT_IF = "whatif";

  /**
   * The namespace {@code name} of a kind next to the live namespace.
   *
   * @param liveOptions the live application's options; the state directory is shared, the
   *     application id is the namespace's own
   * @throws IllegalArgumentException if the name is not 1-60 characters of [a-zA-Z0-9-]
   */
  public static Namespace of(
      KafkaSettings live, StreamsOptions liveOptions, String kind, String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name '" + name + "' must be 1-60 characters of letters, digits and '-'");
    }
    String prefix = kindPrefix(live, kind) + name;
    return new Namespace(
        live, prefix, liveOptions.withApplicationId(prefix + "-views").withPartitions(1));
  }

  /** The start of the topic prefix of every namespace of a kind, e.g. {@code impactsim.whatif.}. */
  public static String kindPrefix(KafkaSettings live, String kind) {
    return live.topicPrefix() + "." + kind + ".";
  }

  /** The settings of this namespace: the live cluster, this namespace's topics. */
  public KafkaSettings settings() {
    return live.withTopicPrefix(prefix);
  }

  public String applicationId() {
    return options.applicationIdFor(prefix);
  }
}
