package dev.duijie.server.cli;

import dev.duijie.analysis.DomainAnalyzer;
import dev.duijie.analysis.Vocabulary;
import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.data.BundledCorpus;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./duijie bench}: speed figures anyone can rerun; never part of {@code mvn verify}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure speed and print figures. Parts: analysis (MB/s of the Duijie chain vs plain",
                "smartcn's SmartChineseAnalyzer on the bundled corpus's texts, single thread, after warm-up)."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--only", defaultValue = "analysis", description = "parts to run (default: ${DEFAULT-VALUE})")
    List<String> parts;

    @Option(names = "--seconds", defaultValue = "5", description = "measured seconds per figure (default: ${DEFAULT-VALUE})")
    int seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (parts.contains("analysis")) {
            analysis(out);
        }
        return 0;
    }

    private void analysis(PrintWriter out) throws IOException {
        Corpus corpus = CorpusLoader.load(BundledCorpus.directory()).corpus();
        List<String> texts = corpus.results().stream().map(r -> r.title() + "\n" + r.summary()).toList();
        long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
        try (Analyzer plain = new SmartChineseAnalyzer();
             Analyzer chain = new DomainAnalyzer(Vocabulary.bundled().lexicon())) {
            // Alternate the two so neither profits from a warmer JIT or cache.
            double plainRate = 0;
            double chainRate = 0;
            for (int round = 0; round < 3; round++) {
                boolean measured = round > 0;
                double p = rate(plain, texts, bytes, measured ? seconds : 2);
                double c = rate(chain, texts, bytes, measured ? seconds : 2);
                if (measured) {
                    plainRate = Math.max(plainRate, p);
                    chainRate = Math.max(chainRate, c);
                }
            }
            out.printf("analysis  %.1f MB of text (%d results), 1 thread, best of 2 runs of %d s%n",
                    bytes / 1e6, texts.size(), seconds);
            out.printf("  smartcn (SmartChineseAnalyzer)   %6.2f MB/s%n", plainRate);
            out.printf("  duijie chain (DomainAnalyzer)    %6.2f MB/s   cost %.2f× plain smartcn%n", chainRate,
                    plainRate / chainRate);
        }
        out.flush();
    }

    private static double rate(Analyzer analyzer, List<String> texts, long bytesPerPass, int seconds) throws IOException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long done = 0;
        long sink = 0;
        while (System.nanoTime() < deadline) {
            for (String t : texts) {
                try (TokenStream ts = analyzer.tokenStream("f", t)) {
                    ts.reset();
                    while (ts.incrementToken()) {
                        sink++;
                    }
                    ts.end();
                }
            }
            done += bytesPerPass;
        }
        if (sink < 0) {
            throw new AssertionError(); // keeps the loop from being optimised away
        }
        return done / 1e6 / ((System.nanoTime() - start) / 1e9);
    }
}
