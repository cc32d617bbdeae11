package dev.duijie.server.cli;

import dev.duijie.analysis.DomainAnalyzer;
import dev.duijie.analysis.Vocabulary;
import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.data.BundledCorpus;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MB/s of the Duijie chain vs plain smartcn on the bundled results' texts, one thread, after warm-up. */
final class AnalysisBench {
    private AnalysisBench() {
    }

    static void run(BenchReport report, int seconds) throws IOException {
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
            String config = String.format("1 thread, %.1f MB", bytes / 1e6);
            report.add("analysis", "smartcn (SmartChineseAnalyzer)", texts.size(), config, Map.of("MB/s", plainRate));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("MB/s", chainRate);
            f.put("cost × smartcn", plainRate / chainRate);
            report.add("analysis", "duijie chain (DomainAnalyzer)", texts.size(), config, f);
        }
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
