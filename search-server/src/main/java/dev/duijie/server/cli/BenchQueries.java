package dev.duijie.server.cli;

import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.data.BundledCorpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Query inputs generated from the corpus vocabulary (the scale corpora recombine the bundled corpus's sentences and
 * keywords, so its vocabulary is theirs), each list distinct and deterministic. Every measurement takes its own
 * slice, so warm-up, 1-thread and 2-thread runs never repeat a query (except where the corpus has fewer ids).
 */
final class BenchQueries {
    static final int NEED_CHARS = 200;

    private final List<String> needSentences;
    private final List<String> keywords;

    BenchQueries() {
        Corpus bundled = CorpusLoader.load(BundledCorpus.directory()).corpus();
        Set<String> sentences = new LinkedHashSet<>();
        bundled.needs().forEach(n -> sentences.addAll(List.of(n.text().split("(?<=[。！？；\\n])"))));
        sentences.removeIf(String::isBlank);
        needSentences = List.copyOf(sentences);
        keywords = Stream.concat(bundled.results().stream().flatMap(r -> r.keywords().stream()),
                        bundled.needs().stream().flatMap(n -> n.keywords().stream()))
                .filter(k -> k.length() >= 2 && k.length() <= 8).distinct().toList();
    }

    /** {@code n} distinct need texts of exactly {@value #NEED_CHARS} characters, random sentences joined. */
    List<String> needTexts(int n, long seed) {
        Random rnd = new Random(seed);
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < n) {
            StringBuilder text = new StringBuilder();
            while (text.length() < NEED_CHARS) {
                text.append(needSentences.get(rnd.nextInt(needSentences.size())));
            }
            out.add(text.substring(0, NEED_CHARS));
        }
        return List.copyOf(out);
    }

    /** Short staff queries of 2–8 characters: the corpus keywords, shuffled (there are about 8,600). */
    List<String> shortQueries(long seed) {
        List<String> out = new ArrayList<>(keywords);
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    /** Result ids of a scale corpus (S0000001 …, see ScaleGenerator), shuffled. */
    static List<String> resultIds(int results, long seed) {
        List<String> out = new ArrayList<>(results);
        for (int i = 1; i <= results; i++) {
            out.add(String.format("S%07d", i));
        }
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    /** {@code n} items of {@code pool} from {@code from} on, wrapping round a pool smaller than the slices. */
    static List<String> slice(List<String> pool, int from, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(pool.get((from + i) % pool.size()));
        }
        return out;
    }
}
