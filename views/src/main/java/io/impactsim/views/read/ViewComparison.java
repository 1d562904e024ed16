package io.impactsim.views.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.impactsim.schemas.json.AvroToJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;

/**
 * Two namespaces' views compared: a digest of every view on each side, and the differences field by
 * field.
 *
 * @param digests per view, the digests of the base and of the other side
 * @param differences every differing field, by view then key
 */
public record ViewComparison(Map<String, Digests> digests, List<Difference> differences) {

  /**
   * The digests of one view.
   *
   * @param baseKeys keys in the base
   * @param otherKeys keys in the other namespace
   * @param base SHA-256 of the base view's keys and values, in key order
   * @param other the same for the other namespace
   */
  public record Digests(int baseKeys, int otherKeys, String base, String other) {
    public boolean equal() {
      return base.equals(other);
    }
  }

  /** Compares the other views with the base. */
  public static ViewComparison of(ViewSet base, ViewSet other) {
    Map<String, Digests> digests = new LinkedHashMap<>();
    List<Difference> differences = new ArrayList<>();
    Map<String, Map<String, ? extends SpecificRecord>> b = base.byName();
    Map<String, Map<String, ? extends SpecificRecord>> o = other.byName();
    for (String view : b.keySet()) {
      Map<String, JsonNode> left = json(b.get(view));
      Map<String, JsonNode> right = json(o.get(view));
      digests.put(view, new Digests(left.size(), right.size(), digest(left), digest(right)));
      TreeSet<String> keys = new TreeSet<>(left.keySet());
      keys.addAll(right.keySet());
      for (String key : keys) {
        differences.addAll(compare(view, key, left.get(key), right.get(key)));
      }
    }
    return new ViewComparison(digests, differences);
  }

  /** Whether every view is the same on both sides. */
  public boolean equal() {
    return differences.isEmpty();
  }

  private static List<Difference> compare(String view, String key, JsonNode l, JsonNode r) {
    if (l == null || r == null) {
      return List.of(
          new Difference(
              view,
              key,
              "",
              l == null ? Difference.ABSENT : "present",
              r == null ? Difference.ABSENT : "present"));
    }
    Map<String, String> left = new TreeMap<>();
    Map<String, String> right = new TreeMap<>();
    flatten("", l, left);
    flatten("", r, right);
    TreeSet<String> fields = new TreeSet<>(left.keySet());
    fields.addAll(right.keySet());
    List<Difference> out = new ArrayList<>();
    for (String f : fields) {
      String lv = left.getOrDefault(f, Difference.ABSENT);
      String rv = right.getOrDefault(f, Difference.ABSENT);
      if (!lv.equals(rv)) {
        out.add(new Difference(view, key, f, lv, rv));
      }
    }
    return out;
  }

  private static void flatten(String path, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e ->
                  flatten(
                      path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), out);
      }
      if (node.isEmpty()) {
        out.put(path, "[]");
      }
    } else {
      out.put(path, node.isNull() ? "null" : node.asText());
    }
  }

  private static Map<String, JsonNode> json(Map<String, ? extends SpecificRecord> view) {
    Map<String, JsonNode> out = new TreeMap<>();
    view.forEach((k, v) -> out.put(k, AvroToJson.toJson(v)));
    return out;
  }

  private static String digest(Map<String, JsonNode> view) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      view.forEach(
          (k, v) -> {
            sha.update(k.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(v.toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
          });
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
