package dev.duijie.data.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duijie.data.BundledCorpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Scale mode: N synthetic results (and N/4 needs) recombined from the bundled corpus's sentences, keywords and
 * teams within each industry, for benchmarks at 100,000 and 1,000,000 records. Streams its output, so memory does
 * not grow with N. The text is plausible word soup, not a sample to read; it is never committed.
 */
public final class ScaleGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SUFFIXES = List.of("技术", "关键技术", "工艺", "装置", "系统", "方法", "平台", "材料");

    private record Pool(List<String> sentences, List<String> keywords, List<JsonNode> results, List<String> needSentences,
                        List<JsonNode> needs) {
    }

    private ScaleGenerator() {
    }

    /** Writes the scale corpus to {@code outDir} and returns a one-line description. */
    public static String generate(int results, long seed, Path outDir) throws IOException {
        Path source = BundledCorpus.directory();
        Map<String, Pool> pools = new LinkedHashMap<>();
        for (JsonNode r : read(source.resolve("results.jsonl"))) {
            Pool p = pools.computeIfAbsent(r.get("industry").asText(), k -> newPool());
            p.results().add(r);
            p.sentences().addAll(sentences(r.get("summary").asText()));
            r.get("keywords").forEach(k -> p.keywords().add(k.asText()));
        }
        for (JsonNode n : read(source.resolve("needs.jsonl"))) {
            Pool p = pools.computeIfAbsent(n.get("industry").asText(), k -> newPool());
            p.needs().add(n);
            p.needSentences().addAll(sentences(n.get("description").asText()));
        }
        List<String> industries = new ArrayList<>(pools.keySet());
        Files.createDirectories(outDir);
        for (String f : List.of("institutions.jsonl", "experts.jsonl")) {
            Files.copy(source.resolve(f), outDir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Random rnd = new Random(seed);
        try (JsonlWriter w = new JsonlWriter(outDir.resolve("results.jsonl"))) {
            for (int i = 1; i <= results; i++) {
                Pool p = pools.get(industries.get(rnd.nextInt(industries.size())));
                JsonNode model = pick(p.results(), rnd);
                String k1 = pick(p.keywords(), rnd);
                String k2 = pick(p.keywords(), rnd);
                w.record().put("id", String.format("S%07d", i))
                        .put("title", k1 + "与" + k2 + pick(SUFFIXES, rnd))
                        .put("summary", String.join("", picks(p.sentences(), 3 + rnd.nextInt(3), rnd)))
                        .put("keywords", List.of(k1, k2, pick(p.keywords(), rnd)))
                        .put("industry", model.get("industry").asText())
                        .put("institution", model.get("institution").asText())
                        .put("team", model.get("team"))
                        .put("trl", 1 + rnd.nextInt(9))
                        .put("ipType", model.get("ipType").asText())
                        .put("transferModes", model.get("transferModes"))
                        .put("date", LocalDate.of(2015, 1, 1).plusDays(rnd.nextInt(4000)).toString())
                        .write();
            }
        }
        int needs = Math.max(1, results / 4);
        List<String> needIndustries = industries.stream().filter(i -> !pools.get(i).needs().isEmpty()).toList();
        try (JsonlWriter w = new JsonlWriter(outDir.resolve("needs.jsonl"))) {
            for (int i = 1; i <= needs; i++) {
                Pool p = pools.get(needIndustries.get(rnd.nextInt(needIndustries.size())));
                JsonNode model = pick(p.needs(), rnd);
                w.record().put("id", String.format("T%07d", i))
                        .put("title", model.get("title").asText())
                        .put("description", String.join("", picks(p.needSentences(), 2 + rnd.nextInt(3), rnd)))
                        .put("enterprise", model.get("enterprise").asText())
                        .put("region", model.get("region").asText())
                        .put("industry", model.get("industry").asText())
                        .put("keywords", model.get("keywords"))
                        .put("budgetWan", 5 + rnd.nextInt(400))
                        .put("requiredTrl", 3 + rnd.nextInt(6))
                        .put("deadline", LocalDate.of(2027, 1, 1).plusDays(rnd.nextInt(700)).toString())
                        .write();
            }
        }
        return String.format("scale corpus in %s: results %d, needs %d (seed %d)", outDir, results, needs, seed);
    }

    private static Pool newPool() {
        return new Pool(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '。') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start) + "。");
        }
        return out;
    }

    private static <T> T pick(List<T> list, Random rnd) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static List<String> picks(List<String> list, int n, Random rnd) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(pick(list, rnd));
        }
        return out;
    }
}
