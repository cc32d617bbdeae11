package dev.duijie.server.cli;

import dev.duijie.Duijie;
import dev.duijie.corpus.Kind;
import dev.duijie.match.Filters;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Library query latency on an index built by the indexing part: need → results (200-character needs), short staff
 * queries (2–8 characters, a page of 10 with facets), need → experts and result → needs, k = 10, each with 1 and 2
 * client threads on its own slice of distinct queries after a warm-up on another slice (a quarter as many).
 */
final class QueryBench {
    /** One library call on one input. */
    interface Call {
        void run(String input) throws IOException;
    }

    /** Workload keys for {@code --workloads}, in run order. */
    static final List<String> WORKLOADS = List.of("need-results", "short", "need-experts", "result-needs");

    /** A workload: its key, its name, its input pool for a corpus size, and the call. */
    private record Workload(String key, String name, List<String> pool, Call call) {
    }

    private final BenchReport report;
    private final BenchQueries queries;
    private final int n;
    private final List<String> selected;

    /**
     * @param n        distinct queries per measurement
     * @param selected keys of {@link #WORKLOADS} to run
     */
    QueryBench(BenchReport report, BenchQueries queries, int n, List<String> selected) {
        this.report = report;
        this.queries = queries;
        this.n = n;
        this.selected = selected;
    }

    /** Every workload on {@code duijie} (an index of {@code results} results) in one mode, e.g. "lexical". */
    void run(Duijie duijie, int results, String mode) throws IOException {
        int slices = 3;
        List<String> needs = queries.needTexts(n * slices, results);
        List<Workload> workloads = List.of(
                new Workload("need-results", "need → results", needs, t -> duijie.match(t, Filters.NONE, 10)),
                new Workload("short", "short staff query", queries.shortQueries(results),
                        q -> duijie.search(Kind.RESULT, q, Filters.NONE, 1, 10)),
                new Workload("need-experts", "need → experts", needs, t -> duijie.matchExperts(t, Filters.NONE, 10)),
                new Workload("result-needs", "result → needs", BenchQueries.resultIds(results, results),
                        id -> duijie.matchNeeds(id, Filters.NONE, 10)));
        // Staff search stays lexical in every mode (an exact match set with facets): measured once, in lexical.
        for (Workload w : workloads.stream().filter(w -> selected.contains(w.key()))
                .filter(w -> mode.startsWith("lexical") || !w.key().equals("short")).toList()) {
            String label = w.name() + " " + results + " " + mode;
            // A quarter of a measurement warms the JIT and caches, leaving the time to measured distinct queries.
            measure(label + " warm-up", w.pool().subList(0, Math.min(n / 4, w.pool().size())), 1, w.call());
            for (int threads = 1; threads <= 2; threads++) {
                Map<String, Object> f = measure(label + " " + threads + "t", BenchQueries.slice(w.pool(), n * threads, n),
                        threads, w.call());
                String target = target(w.name(), results, mode, threads);
                report.add("queries", w.name(), results, mode + ", " + threads + " thread" + (threads > 1 ? "s" : ""),
                        f, target, target == null ? null : met(w.name(), mode, f));
            }
        }
    }

    /** The issue's targets: single-client latency at 100,000 (need → results) and 1,000,000 (short queries). */
    private static String target(String workload, int results, String mode, int threads) {
        if (threads != 1) {
            return null;
        }
        if (workload.equals("need → results") && results == 100_000) {
            return mode.startsWith("lexical") ? "p50 ≤ 5 ms, p99 ≤ 20 ms" : "p50 ≤ 30 ms, p99 ≤ 60 ms";
        }
        if (workload.equals("short staff query") && results == 1_000_000 && mode.startsWith("lexical")) {
            return "p50 ≤ 5 ms";
        }
        return null;
    }

    private static boolean met(String workload, String mode, Map<String, Object> f) {
        double p50 = (Double) f.get("p50 ms");
        double p99 = (Double) f.get("p99 ms");
        if (workload.equals("short staff query")) {
            return p50 <= 5;
        }
        return mode.startsWith("lexical") ? p50 <= 5 && p99 <= 20 : p50 <= 30 && p99 <= 60;
    }

    /**
     * Each input once, {@code threads} callers (named after {@code label}, for profiles) taking the next one;
     * latency per call and overall calls/s.
     */
    static Map<String, Object> measure(String label, List<String> inputs, int threads, Call call) throws IOException {
        long[] nanos = new long[inputs.size()];
        AtomicInteger next = new AtomicInteger();
        IOException[] failure = new IOException[1];
        Runnable worker = () -> {
            for (int i; (i = next.getAndIncrement()) < inputs.size(); ) {
                long t = System.nanoTime();
                try {
                    call.run(inputs.get(i));
                } catch (IOException e) {
                    failure[0] = e;
                    return;
                }
                nanos[i] = System.nanoTime() - t;
            }
        };
        long start = System.nanoTime();
        List<Thread> workers = java.util.stream.IntStream.range(0, threads)
                .mapToObj(t -> new Thread(worker, label + " #" + t)).toList();
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return percentiles(nanos, inputs.size() / seconds);
    }

    /** p50/p95/p99 of call latencies in nanoseconds, and the throughput; n = number of distinct calls. */
    static Map<String, Object> percentiles(long[] nanos, double callsPerSecond) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("n", sorted.length);
        f.put("p50 ms", sorted[(int) (sorted.length * 0.50)] / 1e6);
        f.put("p95 ms", sorted[(int) (sorted.length * 0.95)] / 1e6);
        f.put("p99 ms", sorted[(int) (sorted.length * 0.99)] / 1e6);
        f.put("calls/s", callsPerSecond);
        return f;
    }
}
