package io.impactsim.producer.history;

/** Where checks report the problems of one line; the sink knows the file and line. */
@FunctionalInterface
interface ProblemSink {
  void add(String field, String message);
}
