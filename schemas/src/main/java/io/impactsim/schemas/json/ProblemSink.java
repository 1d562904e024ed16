package io.impactsim.schemas.json;

/** Where a conversion reports its problems, one per field; the sink knows the file and line. */
@FunctionalInterface
public interface ProblemSink {
  void add(String field, String message);
}
