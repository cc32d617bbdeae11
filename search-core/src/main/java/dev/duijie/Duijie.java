package dev.duijie;

import dev.duijie.analysis.Vocabulary;
import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Need;
import dev.duijie.corpus.Result;
import dev.duijie.index.IndexBuilder;
import dev.duijie.index.SearchIndex;
import dev.duijie.match.Filters;
import dev.duijie.match.Hit;
import dev.duijie.match.MatchConfig;
import dev.duijie.match.Matcher;
import dev.duijie.match.SearchPage;
import dev.duijie.match.Suggestion;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The entry point: match enterprise needs (企业技术需求) with research results (科技成果) and experts.
 *
 * <pre>{@code
 * try (Duijie duijie = Duijie.build(CorpusLoader.load(dir).corpus(), Path.of("index"))) {
 *     for (Hit hit : duijie.match("刀片用不了多久就崩刃，想延长寿命", Filters.NONE, 10)) {
 *         System.out.println(hit.matchPercent() + " " + hit.title() + " " + hit.reasons());
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe: one instance serves any number of concurrent calls. Inputs: need texts are cut at
 * {@value Matcher#MAX_TEXT_CHARS} characters; blank text, {@code k} outside 1–{@value Matcher#MAX_K} and bad paging
 * throw {@link IllegalArgumentException} with a Chinese message; query syntax in text is never interpreted.
 */
public final class Duijie implements Closeable {
    private final SearchIndex index;
    private final Matcher matcher;

    private Duijie(SearchIndex index, MatchConfig config) {
        this.index = index;
        this.matcher = new Matcher(index, config);
    }

    /** Opens an index directory built by {@link #build}. */
    public static Duijie open(Path indexDir) throws IOException {
        return open(indexDir, MatchConfig.DEFAULT);
    }

    /** Opens an index directory with non-default ranking weights. */
    public static Duijie open(Path indexDir, MatchConfig config) throws IOException {
        return new Duijie(SearchIndex.open(indexDir, Vocabulary.bundled()), config);
    }

    /** Indexes {@code corpus} into {@code indexDir} (replacing its content) and opens it. */
    public static Duijie build(Corpus corpus, Path indexDir) throws IOException {
        return build(corpus, indexDir, MatchConfig.DEFAULT);
    }

    /** Indexes {@code corpus} into {@code indexDir} and opens it with non-default ranking weights. */
    public static Duijie build(Corpus corpus, Path indexDir, MatchConfig config) throws IOException {
        IndexBuilder.build(corpus, indexDir, Vocabulary.bundled(), Runtime.getRuntime().availableProcessors());
        return open(indexDir, config);
    }

    /** Results for a need given as free text (title and description). */
    public List<Hit> match(String needText, Filters filters, int k) throws IOException {
        return matcher.match(Kind.RESULT, needText, null, filters, k);
    }

    /** Results for a need of the index, with structured reasons against it (industry, TRL, region …). */
    public List<Hit> matchNeed(String needId, Filters filters, int k) throws IOException {
        Need need = need(needId);
        return matcher.match(Kind.RESULT, need.text(), need, filters, k);
    }

    /** Experts for a need text, each with the results that justify them ({@link Hit#evidence()}). */
    public List<Hit> matchExperts(String needText, Filters filters, int k) throws IOException {
        return matcher.matchExperts(needText, null, filters, k);
    }

    /** Experts for a need of the index. */
    public List<Hit> matchExpertsForNeed(String needId, Filters filters, int k) throws IOException {
        Need need = need(needId);
        return matcher.matchExperts(need.text(), need, filters, k);
    }

    /** Needs for a result: which enterprises to invite to that result's roadshow. */
    public List<Hit> matchNeeds(String resultId, Filters filters, int k) throws IOException {
        Result r = (Result) get(Kind.RESULT, resultId)
                .orElseThrow(() -> new NoSuchElementException("成果不存在：" + resultId));
        String text = r.title() + "\n" + String.join("；", r.keywords()) + "\n" + r.summary();
        return matcher.match(Kind.NEED, text, r, filters, k);
    }

    /**
     * A short staff query (2–20 characters typical, at most {@value Matcher#MAX_QUERY_CHARS}) over one kind, one
     * page (1-based), with facet counts. A blank query lists the kind under the filters.
     */
    public SearchPage search(Kind kind, String query, Filters filters, int page, int size) throws IOException {
        return matcher.search(kind, query, filters, page, size);
    }

    /** Up to {@code n} completions for the search box: result keywords, expert names and result titles. */
    public List<Suggestion> suggest(String prefix, int n) throws IOException {
        return matcher.suggest(prefix, n);
    }

    /** A record by kind and id. */
    public Optional<Object> get(Kind kind, String id) throws IOException {
        return index.get(kind, id);
    }

    /** Number of records per kind. */
    public Map<Kind, Integer> counts() throws IOException {
        Map<Kind, Integer> out = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            out.put(k, index.count(k));
        }
        return out;
    }

    /** The ranking engine, for evaluation and tools. */
    public Matcher matcher() {
        return matcher;
    }

    private Need need(String needId) throws IOException {
        return (Need) get(Kind.NEED, needId).orElseThrow(() -> new NoSuchElementException("需求不存在：" + needId));
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
