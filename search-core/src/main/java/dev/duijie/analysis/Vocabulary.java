package dev.duijie.analysis;

import dev.duijie.corpus.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the analysis knows about the domain: the lexicon (index and query time), the synonym groups and the
 * stop list (query time only). The bundled resources live in {@code /duijie/analysis/}; user lexicon files are
 * added at index time.
 *
 * @param lexicon   terms kept whole
 * @param synonyms  equivalent terms, expanded at query time with a lower weight
 * @param stopWords function words and need boilerplate (我们, 希望, 需要 …), normalized; never removed from the
 *                  index, only given no weight when a query's key terms are chosen
 */
public record Vocabulary(Lexicon lexicon, Synonyms synonyms, Set<String> stopWords) {
    private static final String RESOURCES = "/duijie/analysis/";
    private static volatile Vocabulary bundled;

    /** A vocabulary and the problems met while reading it. */
    public record Loaded(Vocabulary vocabulary, List<Problem> problems) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
        }
    }

    public Vocabulary {
        stopWords = Set.copyOf(stopWords);
    }

    /** The bundled vocabulary (cached). Problems in bundled files are bugs: tests keep them at zero. */
    public static Vocabulary bundled() {
        Vocabulary v = bundled;
        if (v == null) {
            Loaded loaded = load(List.of());
            if (loaded.hasErrors()) {
                throw new IllegalStateException("bundled vocabulary has errors: " + loaded.problems());
            }
            bundled = v = loaded.vocabulary();
        }
        return v;
    }

    /** Name of the user lexicon a generation was built with, stored inside the generation's directory. */
    public static final String INDEX_LEXICON = "user-lexicon.txt";

    /**
     * The vocabulary an index was built with: the bundled one, plus the user lexicon stored in the index directory
     * by the reindex that built it (query analysis must match index analysis).
     */
    public static Vocabulary forIndex(Path indexDir) throws java.io.IOException {
        Path user = indexDir.resolve(INDEX_LEXICON);
        if (!Files.exists(user)) {
            return bundled();
        }
        Loaded loaded = load(List.of(user));
        if (loaded.hasErrors()) {
            throw new java.io.IOException("the user lexicon stored in " + indexDir + " has errors: " + loaded.problems());
        }
        return loaded.vocabulary();
    }

    /** The bundled vocabulary plus user lexicon files (one term per line, {@code #} comments, UTF-8). */
    public static Loaded load(List<Path> userLexicons) {
        List<Problem> problems = new ArrayList<>();
        List<Lexicon.Source> lexiconSources = new ArrayList<>();
        lexiconSources.add(resource("lexicon.txt"));
        for (Path p : userLexicons) {
            lexiconSources.add(new Lexicon.Source(p.toString(), () -> Files.newInputStream(p)));
        }
        Lexicon lexicon = Lexicon.build(lexiconSources, problems);
        Synonyms synonyms = Synonyms.build(List.of(resource("synonyms.txt")), problems);
        Set<String> stop = new HashSet<>();
        resource("stopwords.txt").lines(problems, (line, text) -> stop.add(Lexicon.normalize(text.strip())));
        return new Loaded(new Vocabulary(lexicon, synonyms, stop), problems);
    }

    private static Lexicon.Source resource(String name) {
        return new Lexicon.Source("classpath:" + RESOURCES + name, () -> Vocabulary.class.getResourceAsStream(RESOURCES + name));
    }
}
