package dev.duijie.server.cli;

import dev.duijie.Duijie;
import dev.duijie.analysis.DomainAnalyzer;
import dev.duijie.analysis.Vocabulary;
import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.corpus.Kind;
import dev.duijie.data.BundledCorpus;
import dev.duijie.embed.Embedder;
import dev.duijie.index.IndexHome;
import dev.duijie.match.Filters;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ./duijie bench}: speed figures anyone can rerun; never part of {@code mvn verify}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure speed (not part of mvn verify).",
        description = {"Measure speed and print figures. Parts:",
                "  analysis  MB/s of the Duijie chain vs plain smartcn's SmartChineseAnalyzer on the bundled corpus's",
                "            texts, single thread, after warm-up",
                "  match     latency p50/p95/p99 of need → results (every bundled need's text), need → experts,",
                "            result → needs and short staff queries (the results' keywords), 1 thread, after warm-up",
                "  embed     texts/s of the bge-small-zh embedder: short texts (result keywords) and 300-character",
                "            texts (result summaries cut to 300), 1 and 2 threads, one model call per text",
                "  vectors   float32 vs int8 HNSW on the bundled corpus's embeddings (cached in data/embeddings):",
                "            recall@10 against exact search, index size, build time, query latency"})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--only", defaultValue = "analysis,match", split = ",",
            description = "parts to run (default: ${DEFAULT-VALUE})")
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
        if (parts.contains("match")) {
            match(out);
        }
        if (parts.contains("embed")) {
            embed(out);
        }
        if (parts.contains("vectors")) {
            VectorsBench.run(CorpusLoader.load(BundledCorpus.directory()).corpus(), Path.of("data/embeddings"), out);
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

    private interface Call {
        void run(int i) throws IOException;
    }

    private void match(PrintWriter out) throws IOException {
        Corpus corpus = CorpusLoader.load(BundledCorpus.directory()).corpus();
        Path dir = Files.createTempDirectory("duijie-bench");
        try {
            long t0 = System.nanoTime();
            try (Duijie duijie = Duijie.build(corpus, dir)) {
                out.printf("match  bundled corpus: %d results, %d needs, %d experts; indexed in %.1f s; 1 thread%n",
                        corpus.results().size(), corpus.needs().size(), corpus.experts().size(),
                        (System.nanoTime() - t0) / 1e9);
                List<String> needs = corpus.needs().stream().map(n -> n.text()).toList();
                List<String> resultIds = corpus.results().stream().map(r -> r.id()).toList();
                List<String> queries = corpus.results().stream().flatMap(r -> r.keywords().stream()).distinct().toList();
                latency(out, "need → results (k=10)", needs.size(), i -> duijie.match(needs.get(i), Filters.NONE, 10));
                latency(out, "need → experts (k=10)", needs.size(), i -> duijie.matchExperts(needs.get(i), Filters.NONE, 10));
                latency(out, "result → needs (k=10)", resultIds.size(), i -> duijie.matchNeeds(resultIds.get(i), Filters.NONE, 10));
                latency(out, "staff query (page of 10, facets)", queries.size(),
                        i -> duijie.search(Kind.RESULT, queries.get(i), Filters.NONE, 1, 10));
            }
        } finally {
            IndexHome.deleteTree(dir);
        }
        out.flush();
    }

    private void embed(PrintWriter out) {
        Corpus corpus = CorpusLoader.load(BundledCorpus.directory()).corpus();
        List<String> shortTexts = corpus.results().stream().flatMap(r -> r.keywords().stream()).distinct().toList();
        List<String> paragraphs = corpus.results().stream()
                .map(r -> r.summary().length() > 300 ? r.summary().substring(0, 300) : r.summary()).toList();
        Optional<Embedder> maybe = Embedder.tryOpen();
        if (maybe.isEmpty()) {
            out.println("embed  the model or ONNX Runtime is not available here; skipped");
            return;
        }
        try (Embedder embedder = maybe.get()) {
            out.printf("embed  %s, batch 1 per thread, intra-op threads 1, after warm-up%n", embedder.modelId());
            for (int threads : new int[]{1, 2}) {
                out.printf("  short texts (keywords)          %d thread(s)  %7.1f texts/s%n", threads,
                        throughput(embedder, shortTexts, threads));
                out.printf("  300-character texts (summaries) %d thread(s)  %7.1f texts/s%n", threads,
                        throughput(embedder, paragraphs, threads));
            }
        }
        out.flush();
    }

    /** Texts per second over {@code seconds} (after a 2-second warm-up), {@code threads} embedding in parallel. */
    private double throughput(Embedder embedder, List<String> texts, int threads) {
        for (long end = System.nanoTime() + 2_000_000_000L, i = 0; System.nanoTime() < end; i++) {
            embedder.embed(texts.get((int) (i % texts.size())));
        }
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread w = new Thread(() -> {
                for (int i = offset; System.nanoTime() < deadline; i += threads) {
                    embedder.embed(texts.get(i % texts.size()));
                    done.incrementAndGet();
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Warm-up pass over the first half, then every input once, timed one by one. */
    private static void latency(PrintWriter out, String name, int n, Call call) throws IOException {
        for (int i = 0; i < n / 2; i++) {
            call.run(i);
        }
        long[] nanos = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run(i);
            nanos[i] = System.nanoTime() - t;
        }
        double total = (System.nanoTime() - start) / 1e9;
        java.util.Arrays.sort(nanos);
        out.printf("  %-34s n=%5d  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  %7.1f calls/s%n", name, n,
                nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, nanos[(int) (n * 0.99)] / 1e6, n / total);
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
