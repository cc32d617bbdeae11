package dev.duijie.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-route request counters and latency histograms in Prometheus text format (version 0.0.4). Written by hand:
 * two metric families and a few gauges do not justify a metrics library and its registry plumbing.
 * Routes are the matched path templates ({@code /api/{kind}/{id}}), so ids never explode the label set.
 */
final class RouteMetrics {
    private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private record Key(String method, String route, int status) {
    }

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    counts[i].increment();
                }
            }
            count.increment();
            sum.add(seconds);
        }
    }

    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();

    void record(String method, String route, int status, double seconds) {
        requests.computeIfAbsent(new Key(method, route, status), k -> new LongAdder()).increment();
        latency.computeIfAbsent(route, r -> new Histogram()).observe(seconds);
    }

    /** The exposition text, with {@code gauges} (name, with optional {label="…"}, → value) appended. */
    String scrape(Map<String, Number> gauges) {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP duijie_http_requests_total HTTP requests by method, route and status.\n");
        sb.append("# TYPE duijie_http_requests_total counter\n");
        requests.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Key::route)
                .thenComparing(Key::method).thenComparingInt(Key::status))).forEach(e -> sb.append(
                "duijie_http_requests_total{method=\"").append(e.getKey().method()).append("\",route=\"")
                .append(escape(e.getKey().route())).append("\",status=\"").append(e.getKey().status()).append("\"} ")
                .append(e.getValue().sum()).append('\n'));
        sb.append("# HELP duijie_http_request_duration_seconds HTTP request latency by route.\n");
        sb.append("# TYPE duijie_http_request_duration_seconds histogram\n");
        latency.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String route = escape(e.getKey());
            Histogram h = e.getValue();
            for (int i = 0; i < BUCKETS.length; i++) {
                sb.append("duijie_http_request_duration_seconds_bucket{route=\"").append(route).append("\",le=\"")
                        .append(BUCKETS[i]).append("\"} ").append(h.counts[i].sum()).append('\n');
            }
            sb.append("duijie_http_request_duration_seconds_bucket{route=\"").append(route).append("\",le=\"+Inf\"} ")
                    .append(h.count.sum()).append('\n');
            sb.append("duijie_http_request_duration_seconds_sum{route=\"").append(route).append("\"} ")
                    .append(h.sum.sum()).append('\n');
            sb.append("duijie_http_request_duration_seconds_count{route=\"").append(route).append("\"} ")
                    .append(h.count.sum()).append('\n');
        });
        java.util.Set<String> typed = new java.util.HashSet<>();
        gauges.forEach((name, value) -> {
            String family = name.contains("{") ? name.substring(0, name.indexOf('{')) : name;
            if (typed.add(family)) {
                sb.append("# TYPE ").append(family).append(" gauge\n");
            }
            sb.append(name).append(' ').append(value).append('\n');
        });
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
