package dev.duijie.server.cli;

import dev.duijie.Duijie;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.data.BundledCorpus;
import dev.duijie.index.IndexHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code ./duijie bench}: speed figures anyone can rerun, as one table (also JSON); never part of {@code mvn verify}.
 * One class per part; this one only parses options and runs the parts in order.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure speed and memory (not part of mvn verify).",
        description = {"Measure speed and memory on generated scale corpora and print one table (also written as",
                "JSON to --out). Every row carries the 1-minute load average while it was measured. Parts:",
                "  analysis  MB/s of the Duijie chain vs plain smartcn on the bundled results' texts, 1 thread",
                "  index     ./duijie reindex of each size's scale corpus as a child JVM: records/s, wall time,",
                "            peak RSS (VmHWM), index size; lexical, and with embeddings (cold, then warm cache)",
                "  match     library latency p50/p95/p99 and calls/s, 1 and 2 client threads, on distinct generated",
                "            queries after a warm-up: need → results (200-character needs), short staff queries",
                "            (2–8 characters), need → experts, result → needs; lexical and hybrid",
                "  http      need → results end to end: ./duijie serve -Xmx512m as a child JVM loaded by wrk,",
                "            1 and 2 connections; what the server adds over the library; server peak RSS",
                "  embed     texts/s of the bge-small-zh embedder, short and 300-character texts, 1 and 2 threads",
                "  jmh       JMH microbenchmarks: analysis chain vs smartcn, WordPiece tokenizer, RRF fusion",
                "  vectors   float32 vs int8 HNSW on the bundled corpus's embeddings (cached in data/embeddings):",
                "            recall@10 against exact search, index size, build time, query latency",
                "Scale corpora and indexes are kept under --work and reused (generation is deterministic).",
                "Example: ./duijie bench --sizes 2000,100000,1000000 --out docs/bench.json"})
final class BenchCommand implements Callable<Integer> {
    private static final Set<String> PARTS = Set.of("analysis", "index", "match", "http", "embed", "jmh", "vectors");

    @Option(names = "--only", defaultValue = "analysis,index,match,http", split = ",", paramLabel = "PART",
            description = "parts to run (default: ${DEFAULT-VALUE}; also embed, jmh)")
    List<String> parts;

    @Option(names = "--sizes", defaultValue = "2000,100000", split = ",", paramLabel = "N",
            description = "scale corpus sizes in results (default: ${DEFAULT-VALUE})")
    List<Integer> sizes;

    @Option(names = "--embedding-sizes", split = ",", paramLabel = "N",
            description = "sizes also indexed with embeddings (cold, then warm cache) and queried in hybrid mode "
                    + "(default: every size below 1,000,000; a cold million takes hours here)")
    List<Integer> embeddingSizes;

    @Option(names = "--workloads", defaultValue = "need-results,short,need-experts,result-needs", split = ",",
            paramLabel = "W", description = "query workloads of part match (default: ${DEFAULT-VALUE})")
    List<String> workloads;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "override a ranking weight of MatchConfig for part match, e.g. --set maxBigrams=32 (repeatable)")
    Map<String, Double> overrides = new LinkedHashMap<>();

    @Option(names = "--queries", defaultValue = "2000",
            description = "distinct queries per latency measurement (default: ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--seconds", defaultValue = "5",
            description = "measured seconds per throughput figure (analysis, http, embed, jmh; default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--work", defaultValue = "data/bench", paramLabel = "DIR",
            description = "scale corpora, indexes and child logs (default: ${DEFAULT-VALUE})")
    Path work;

    @Option(names = "--out", paramLabel = "FILE", description = "the table as JSON (default: WORK/bench.json)")
    Path out;

    @Option(names = "--jfr", paramLabel = "DIR", description = "record JFR profiles (settings=profile) of this JVM "
            + "(bench.jfr; query threads are named after their workload) and of every child (reindex-*.jfr, serve-*.jfr)")
    Path jfr;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (String p : parts) {
            if (!PARTS.contains(p)) {
                throw new ParameterException(spec.commandLine(), "unknown part " + p + "; parts: " + PARTS);
            }
        }
        if (!QueryBench.WORKLOADS.containsAll(workloads)) {
            throw new ParameterException(spec.commandLine(), "workloads: " + QueryBench.WORKLOADS);
        }
        if (sizes.stream().anyMatch(n -> n < 1) || queries < 100 || seconds < 1) {
            throw new ParameterException(spec.commandLine(), "--sizes ≥ 1, --queries ≥ 100, --seconds ≥ 1");
        }
        if (embeddingSizes == null) {
            embeddingSizes = sizes.stream().filter(n -> n < 1_000_000).toList();
        }
        PrintWriter log = spec.commandLine().getOut();
        BenchReport report = new BenchReport(log);
        BenchWork bw = new BenchWork(work, jfr, spec.commandLine().getErr());
        try (Recording recording = jfr == null ? null : startRecording()) {
            run(report, bw);
            if (recording != null) {
                recording.dump(jfr.resolve("bench.jfr"));
            }
        }
        report.print();
        Path json = out != null ? out : work.resolve("bench.json");
        report.write(json);
        log.println("bench: the table as JSON in " + json);
        log.flush();
        return 0;
    }

    private Recording startRecording() throws java.io.IOException, java.text.ParseException {
        java.nio.file.Files.createDirectories(jfr);
        Recording r = new Recording(Configuration.getConfiguration("profile"));
        r.start();
        return r;
    }

    private void run(BenchReport report, BenchWork bw) throws Exception {
        if (parts.contains("analysis")) {
            AnalysisBench.run(report, seconds);
        }
        if (parts.contains("index") || parts.contains("match") || parts.contains("http")) {
            BenchQueries generated = new BenchQueries();
            IndexBench indexing = new IndexBench(bw, report);
            Duijie.Options options = Duijie.Options.DEFAULT.withConfig(ConfigOverrides.apply(spec, overrides));
            String set = overrides.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining());
            for (int n : sizes) {
                Path lexical = bw.index(n, "lexical");
                // The query and HTTP parts need the lexical index; build it when this run has not and none is kept.
                if (parts.contains("index") || !IndexHome.at(lexical).hasPointer()) {
                    indexing.lexical(n);
                }
                if (parts.contains("match")) {
                    try (Duijie duijie = Duijie.open(lexical, options.withoutEmbeddings())) {
                        new QueryBench(report, generated, queries, workloads).run(duijie, n, "lexical" + set);
                    }
                }
                if (embeddingSizes.contains(n) && (parts.contains("index") || parts.contains("match"))) {
                    Path hybrid = bw.index(n, "hybrid");
                    if (parts.contains("index") || !IndexHome.at(hybrid).hasPointer()) {
                        indexing.withEmbeddings(n);
                    }
                    if (parts.contains("match")) {
                        try (Duijie duijie = Duijie.open(hybrid, options)) {
                            new QueryBench(report, generated, queries, workloads).run(duijie, n, "hybrid" + set);
                        }
                    }
                }
                if (parts.contains("http")) {
                    new HttpBench(bw, report, generated, seconds).run(n);
                }
            }
        }
        if (parts.contains("embed")) {
            EmbedBench.run(report, seconds);
        }
        if (parts.contains("jmh")) {
            JmhBench.run(report, seconds);
        }
        if (parts.contains("vectors")) {
            VectorsBench.run(CorpusLoader.load(BundledCorpus.directory()).corpus(), Path.of("data/embeddings"),
                    spec.commandLine().getOut());
        }
    }
}
