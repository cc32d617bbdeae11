package dev.duijie.server.bench;

import dev.duijie.eval.Fusion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Reciprocal-rank fusion of a lexical and a dense ranking of {@code depth} ids each, half of them shared. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FusionBenchmark {
    @Param({"100", "1000"})
    public int depth;

    private List<List<String>> rankings;
    private final List<Double> weights = List.of(1.0, 1.0);

    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(42);
        List<String> lexical = new ArrayList<>();
        List<String> dense = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            lexical.add(String.format("S%07d", rnd.nextInt(depth * 2)));
            dense.add(String.format("S%07d", rnd.nextInt(depth * 2)));
        }
        rankings = List.of(lexical, dense);
    }

    @Benchmark
    public List<String> rrf() {
        return Fusion.rrf(rankings, weights, 60, 10);
    }
}
