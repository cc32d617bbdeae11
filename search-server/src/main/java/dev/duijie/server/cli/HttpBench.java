package dev.duijie.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Need → results end to end: {@code duijie serve -Xmx512m} as a child process on an index of the indexing part,
 * loaded by wrk (Debian package) with 1 and 2 connections, each run on its own distinct 200-character needs
 * ({@code POST /api/match}, k = 10, experts off so it is the library's {@code match} call). Reports what HTTP, JSON
 * and the server add over the library's p50 at the same size, the server's peak RSS, and whether the 512 MB heap
 * held (no failed request, server still up).
 */
final class HttpBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HEAP = "-Xmx512m";

    /**
     * Prints one JSON line at the end; each thread starts at its own offset of the bodies (given after "--") so no
     * body is sent twice in a run.
     */
    private static final String LUA = """
            local id = 0
            setup = function(thread) thread:set("id", id); id = id + 1 end
            init = function(args)
              local per = math.floor(#bodies / tonumber(args[2]))
              counter = tonumber(args[1]) + id * per
            end
            request = function()
              counter = counter + 1
              return wrk.format("POST", "/api/match", {["Content-Type"]="application/json"}, bodies[(counter % #bodies) + 1])
            end
            done = function(summary, latency, requests)
              io.write(string.format('{"requests":%d,"us":%d,"p50":%d,"p95":%d,"p99":%d,"errors":%d}\\n',
                summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
                latency:percentile(99), summary.errors.connect + summary.errors.read + summary.errors.write
                + summary.errors.status + summary.errors.timeout))
            end
            """;

    private final BenchWork work;
    private final BenchReport report;
    private final BenchQueries queries;
    private final int seconds;

    HttpBench(BenchWork work, BenchReport report, BenchQueries queries, int seconds) {
        this.work = work;
        this.report = report;
        this.queries = queries;
        this.seconds = seconds;
    }

    void run(int results) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/wrk"))) {
            report.add("http", "need → results", results, "skipped", Map.of("reason", "wrk not installed (apt install wrk)"));
            return;
        }
        // Enough distinct bodies for the warm-up and both runs at up to 600 requests/s.
        int perRun = 600 * seconds;
        Path script = work.dir().resolve("http-" + results + ".lua");
        StringBuilder lua = new StringBuilder("bodies = {\n");
        for (String text : queries.needTexts(perRun * 3, 7L * results)) {
            lua.append("[==[").append(JSON.writeValueAsString(Map.of("text", text, "k", 10, "experts", false)))
                    .append("]==],\n");
        }
        Files.writeString(script, lua.append("}\n").append(LUA), StandardCharsets.UTF_8);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        Path log = work.dir().resolve("serve-" + results + ".log");
        Process server = work.duijie("serve-" + results, List.of(HEAP), "serve", "--index", work.index(results, "lexical").toString(),
                        "--host", "127.0.0.1", "--port", Integer.toString(port), "--no-embeddings")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (BenchWork.PeakRss rss = new BenchWork.PeakRss(server)) {
            awaitHealthy(base, server, log);
            // Warm-up on the first third of the bodies, long enough for the JIT: a shorter one measured compiler
            // threads competing with requests (server p50 ~6× the library's at 2,000 records).
            wrk(script, base, 2, 0, 3, 3 * seconds);
            Double libraryP50 = libraryP50(results);
            for (int c = 1; c <= 2; c++) {
                JsonNode r = wrk(script, base, c, perRun * c, 3, seconds);
                double p50 = r.get("p50").asDouble() / 1000;
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("n", r.get("requests").asInt());
                f.put("p50 ms", p50);
                f.put("p95 ms", r.get("p95").asDouble() / 1000);
                f.put("p99 ms", r.get("p99").asDouble() / 1000);
                f.put("calls/s", r.get("requests").asDouble() / (r.get("us").asDouble() / 1e6));
                f.put("errors", r.get("errors").asInt());
                if (libraryP50 != null) {
                    f.put("server adds p50 ms", p50 - libraryP50);
                }
                report.add("http", "need → results (wrk)", results, "lexical, " + c + " conn, " + HEAP, f);
            }
            boolean up = server.isAlive();
            server.destroy(); // SIGTERM: graceful stop
            server.waitFor();
            rss.close();
            boolean held = up && report.rows().stream().filter(r -> r.section().equals("http") && r.records() == results)
                    .allMatch(r -> Integer.valueOf(0).equals(r.figures().get("errors")));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("peak RSS MB", rss.megabytes());
            f.put("held", held);
            report.add("http", "server memory under load", results, HEAP,
                    f, results == 100_000 ? "≤ 512 MB heap (-Xmx512m holds)" : null, results == 100_000 ? held : null);
        } finally {
            server.destroyForcibly();
        }
    }

    /** The library's need → results p50 at this size, 1 thread, lexical, when the query part measured it. */
    private Double libraryP50(int results) {
        return report.rows().stream()
                .filter(r -> r.section().equals("queries") && r.workload().equals("need → results")
                        && r.records() == results && r.config().equals("lexical, 1 thread"))
                .map(r -> (Double) r.figures().get("p50 ms")).findFirst().orElse(null);
    }

    /**
     * One wrk run with {@code connections} connections (one thread each), starting at body {@code offset}; each
     * thread gets 1/({@code connections} × {@code parts}) of the bodies.
     */
    private JsonNode wrk(Path script, String base, int connections, int offset, int parts, int duration)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder("wrk", "-t" + connections, "-c" + connections, "-d" + duration + "s",
                "--timeout", "10s", "-s", script.toString(), base, "--", Integer.toString(offset),
                Integer.toString(connections * parts))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("wrk failed: " + out);
        }
        String last = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new IOException("no summary from wrk: " + out));
        return JSON.readTree(last);
    }

    private static void awaitHealthy(String base, Process server, Path log) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/api/health")).build();
        for (long end = System.nanoTime() + 120_000_000_000L; System.nanoTime() < end; Thread.sleep(200)) {
            if (!server.isAlive()) {
                throw new IOException("the server exited; see " + log);
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
        }
        throw new IOException("the server did not come up in 120 s; see " + log);
    }
}
