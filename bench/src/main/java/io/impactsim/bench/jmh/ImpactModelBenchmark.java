package io.impactsim.bench.jmh;

import io.impactsim.model.CompanyDirectory;
import io.impactsim.model.CompanyImpact;
import io.impactsim.model.ImpactModel;
import io.impactsim.schemas.avro.DealAnnounced;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The impact model's price of one deal: every company it moves, rivals included. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ImpactModelBenchmark {
  private ImpactModel model;
  private CompanyDirectory directory;
  private List<DealAnnounced> deals;
  private int next;

  @Setup
  public void setUp() {
    Samples samples = new Samples(10_000);
    model = ImpactModel.withDefaults();
    directory = CompanyDirectory.of(samples.profiles);
    deals = samples.deals.subList(0, 1_024);
  }

  @Benchmark
  public List<CompanyImpact> dealImpacts() {
    next = (next + 1) & 1023;
    return model.deal(deals.get(next), directory);
  }
}
