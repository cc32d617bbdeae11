package dev.duijie.eval;

import dev.duijie.Duijie;
import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.data.BundledCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Anserini-style regression gate: the reporting-half nDCG@10 of every mode on the bundled judged set must stay
 * within {@value #TOLERANCE} of the value documented in {@code docs/quality.md}. A drop fails the build; so does an
 * improvement, until the document is updated in the same commit.
 */
class QualityRegressionTest {
    static final double TOLERANCE = 0.01;

    @TempDir
    Path dir;

    /** Pinned rows of docs/quality.md: {@code | mode | group | nDCG@10 | … |} with group ending in /reporting. */
    static Map<String, Double> documented() throws IOException {
        Path doc = Path.of("..", "docs", "quality.md");
        Map<String, Double> pinned = new LinkedHashMap<>();
        boolean inBundled = false;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inBundled = line.contains("bundled");
            }
            String[] cols = line.split("\\|");
            if (inBundled && cols.length > 4 && cols[2].strip().endsWith("/reporting")) {
                pinned.put(cols[1].strip() + " " + cols[2].strip(), Double.parseDouble(cols[3].strip()));
            }
        }
        return pinned;
    }

    @Test
    void reportingHalfScoresMatchTheDocument() throws IOException {
        Map<String, Double> pinned = documented();
        assertFalse(pinned.isEmpty(), "docs/quality.md has no pinned reporting rows for the bundled corpus");
        Corpus corpus = CorpusLoader.load(BundledCorpus.directory()).corpus();
        Map<String, Double> measured = new LinkedHashMap<>();
        // Embeddings from the build-wide test cache (root pom), so the corpus is embedded once per build.
        Duijie.Options options = Duijie.Options.DEFAULT.withEmbeddingCache(
                Path.of(System.getProperty("duijie.test.embeddingCache", "target/test-embeddings")));
        Duijie.build(corpus, dir, options, done -> { }).close();
        try (Modes all = Modes.open(dir, options); BaselineRanker baseline = new BaselineRanker(corpus)) {
            assertEquals(Duijie.Semantic.ON, all.semantic(), "the regression gate needs the embedding model");
            Map<String, Ranker> modes = all.rankers(java.util.Set.copyOf(Modes.ALL), Modes.RRF_K, Modes.RRF_DENSE_WEIGHT);
            modes.put("baseline", baseline);
            for (EvalResult r : new Evaluator(corpus).evaluate(modes)) {
                r.summary().forEach((group, s) -> measured.put(r.mode() + " " + group, s.ndcg10()));
            }
        }
        List<String> off = new ArrayList<>();
        pinned.forEach((row, value) -> {
            Double now = measured.get(row);
            if (now == null || Math.abs(now - value) > TOLERANCE) {
                off.add(String.format("%s: documented %.4f, measured %s", row, value,
                        now == null ? "nothing" : String.format("%.4f", now)));
            }
        });
        assertEquals(List.of(), off, "update docs/quality.md (./duijie eval --baseline) or fix the regression");
    }
}
