package dev.duijie.server.cli;

import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.data.BundledCorpus;
import dev.duijie.embed.Embedder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Texts/s of the bge-small-zh embedder: short texts (result keywords) and 300-character texts (result summaries cut
 * to 300), 1 and 2 threads, one model call per text, after a 2-second warm-up.
 */
final class EmbedBench {
    private EmbedBench() {
    }

    static void run(BenchReport report, int seconds) {
        Corpus corpus = CorpusLoader.load(BundledCorpus.directory()).corpus();
        List<String> shortTexts = corpus.results().stream().flatMap(r -> r.keywords().stream()).distinct().toList();
        List<String> paragraphs = corpus.results().stream()
                .map(r -> r.summary().length() > 300 ? r.summary().substring(0, 300) : r.summary()).toList();
        Optional<Embedder> maybe = Embedder.tryOpen();
        if (maybe.isEmpty()) {
            report.add("embed", "bge-small-zh", null, "skipped",
                    Map.of("reason", "the model or ONNX Runtime is not available here"));
            return;
        }
        try (Embedder embedder = maybe.get()) {
            for (int threads : new int[]{1, 2}) {
                String config = threads + " thread" + (threads > 1 ? "s" : "") + ", batch 1";
                report.add("embed", "short texts (keywords)", shortTexts.size(), config,
                        Map.of("texts/s", throughput(embedder, shortTexts, threads, seconds)));
                report.add("embed", "300-character texts", paragraphs.size(), config,
                        Map.of("texts/s", throughput(embedder, paragraphs, threads, seconds)));
            }
        }
    }

    /** Texts per second over {@code seconds} (after a 2-second warm-up), {@code threads} embedding in parallel. */
    private static double throughput(Embedder embedder, List<String> texts, int threads, int seconds) {
        for (long end = System.nanoTime() + 2_000_000_000L, i = 0; System.nanoTime() < end; i++) {
            embedder.embed(texts.get((int) (i % texts.size())));
        }
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
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
}
