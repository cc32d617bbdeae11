package dev.duijie.server.bench;

import dev.duijie.embed.BertTokenizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** bge-small-zh WordPiece encodings per second of bundled result texts (what the embedder does before the model). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenizerBenchmark {
    private BertTokenizer tokenizer;
    private List<String> texts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        tokenizer = BertTokenizer.bgeSmallZh();
        texts = BenchTexts.results();
    }

    @Benchmark
    public BertTokenizer.Encoding encode() {
        return tokenizer.encode(texts.get(next++ % texts.size()));
    }
}
