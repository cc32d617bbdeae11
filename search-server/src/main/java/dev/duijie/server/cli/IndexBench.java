package dev.duijie.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duijie.index.IndexHome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Indexing as a whole process: {@code duijie reindex} of a scale corpus into a fresh index home in a child JVM,
 * timed from start to exit, with its peak RSS and the index's size on disk. Records are every document (results,
 * needs, experts, institutions).
 */
final class IndexBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchWork work;
    private final BenchReport report;

    IndexBench(BenchWork work, BenchReport report) {
        this.work = work;
        this.report = report;
    }

    /** Builds the lexical index of {@code results} (kept for the query parts) and reports it. */
    void lexical(int results) throws IOException, InterruptedException {
        String target = results >= 1_000_000 ? "≥ 4,000 records/s; 1,000,000 in ≤ 5 min" : "≥ 4,000 records/s";
        Map<String, Object> f = reindex(results, "lexical", true, "--no-embeddings");
        double rate = (Double) f.get("records/s");
        boolean met = rate >= 4000 && (results < 1_000_000 || (Double) f.get("wall s") <= 300);
        report.add("indexing", "reindex (whole process)", results, "lexical, 2 threads", f, target, met);
    }

    /**
     * Builds the index of {@code results} with embeddings twice: into a fresh home (its embedding cache starts
     * empty: every record and passage is embedded) and again into the same home (every vector from the cache, as
     * in a nightly reindex of an unchanged export). The second is the one the query part uses.
     */
    void withEmbeddings(int results) throws IOException, InterruptedException {
        Map<String, Object> cold = reindex(results, "hybrid", true);
        report.add("indexing", "reindex (whole process)", results, "embeddings, cold cache", cold,
                "≥ 65 records/s", (Double) cold.get("records/s") >= 65);
        Map<String, Object> warm = reindex(results, "hybrid", false);
        boolean nightly = results == 100_000;
        report.add("indexing", "reindex (whole process)", results, "embeddings, warm cache", warm,
                nightly ? "≥ 3,000 records/s; ≤ 2 min at 100,000" : "≥ 3,000 records/s",
                (Double) warm.get("records/s") >= 3000 && (!nightly || (Double) warm.get("wall s") <= 120));
    }

    /** One reindex of the scale corpus; {@code fresh} deletes the index home (and its embedding cache) first. */
    private Map<String, Object> reindex(int results, String config, boolean fresh, String... extraArgs)
            throws IOException, InterruptedException {
        Path corpus = work.corpus(results);
        Path home = work.index(results, config);
        if (fresh) {
            IndexHome.deleteTree(home);
        }
        Path reportFile = work.dir().resolve("reindex-" + results + "-" + config + (fresh ? "" : "-again") + ".json");
        List<String> args = new java.util.ArrayList<>(List.of("reindex", "--from", corpus.toString(),
                "--index", home.toString(), "--report", reportFile.toString()));
        args.addAll(List.of(extraArgs));
        String name = "reindex-" + results + "-" + config + (fresh ? "" : "-again");
        Path log = work.dir().resolve(name + ".log");
        long t0 = System.nanoTime();
        Process p = work.duijie(name, List.of(), args.toArray(String[]::new))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        double rssMb;
        try (BenchWork.PeakRss rss = new BenchWork.PeakRss(p)) {
            int exit = p.waitFor();
            if (exit != 0) {
                throw new IOException("reindex exited " + exit + "; see " + log);
            }
            rss.close();
            rssMb = rss.megabytes();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        JsonNode r = JSON.readTree(reportFile.toFile());
        long records = 0;
        for (JsonNode c : r.get("counts")) {
            records += c.asLong();
        }
        double indexPhase = r.get("phaseSeconds").get("index").asDouble();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("records/s", records / wall);
        f.put("wall s", wall);
        f.put("index-phase records/s", records / indexPhase);
        f.put("peak RSS MB", rssMb);
        f.put("index MB", BenchWork.sizeBytes(home.resolve(r.get("built").asText())) / 1e6);
        return f;
    }
}
