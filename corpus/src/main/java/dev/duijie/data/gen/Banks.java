package dev.duijie.data.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hand-written domain banks the generator composes from: {@code banks/<industry>/results-NN.jsonl} and
 * {@code needs-NN.jsonl}, one record per line, read in sorted file order so generation is deterministic.
 */
final class Banks {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Entry(Industry industry, JsonNode node, String source) {
        String text(String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        List<String> list(String field) {
            List<String> out = new ArrayList<>();
            JsonNode v = node.get(field);
            if (v != null) {
                v.forEach(x -> out.add(x.asText()));
            }
            return out;
        }
    }

    private Banks() {
    }

    /** Entries of one kind ({@code results} or {@code needs}) across all industries, in industry then file order. */
    static List<Entry> read(Path banksDir, String kind) {
        List<Entry> out = new ArrayList<>();
        for (Industry industry : Industry.ALL) {
            Path dir = banksDir.resolve(industry.slug());
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("missing bank folder " + dir);
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches(kind + "-\\d+\\.jsonl"))
                        .sorted().toList()) {
                    int n = 0;
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        n++;
                        if (!line.isBlank()) {
                            out.add(new Entry(industry, JSON.readTree(line), f.getFileName() + ":" + n));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
