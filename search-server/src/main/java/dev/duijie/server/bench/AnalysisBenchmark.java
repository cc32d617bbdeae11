package dev.duijie.server.bench;

import dev.duijie.analysis.DomainAnalyzer;
import dev.duijie.analysis.Vocabulary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tokens per bundled result text through the Duijie chain vs plain smartcn. One operation is one text; MB/s =
 * ops/s × {@link #bytesPerText} (printed by the bench command).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AnalysisBenchmark {
    @Param({"smartcn", "chain"})
    public String analyzer;

    private Analyzer a;
    private List<String> texts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        texts = BenchTexts.results();
        a = "chain".equals(analyzer) ? new DomainAnalyzer(Vocabulary.bundled().lexicon()) : new SmartChineseAnalyzer();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        a.close();
    }

    @Benchmark
    public int analyze() throws IOException {
        String text = texts.get(next++ % texts.size());
        int tokens = 0;
        try (TokenStream ts = a.tokenStream("f", text)) {
            ts.reset();
            while (ts.incrementToken()) {
                tokens++;
            }
            ts.end();
        }
        return tokens;
    }

    /** Mean UTF-8 bytes of one operation's text. */
    public static double bytesPerText() {
        return BenchTexts.results().stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
    }
}
