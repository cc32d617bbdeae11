package dev.duijie;

import dev.duijie.analysis.Vocabulary;
import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Need;
import dev.duijie.corpus.Result;
import dev.duijie.index.Generations;
import dev.duijie.index.IndexHome;
import dev.duijie.index.LiveIndex;
import dev.duijie.index.UpdateJournal;
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
 * <p>Thread-safe: one instance serves any number of concurrent calls. It follows the index home's live generation:
 * when a reindex (another process, or {@code ./duijie reindex}) switches the pointer, calls after it use the new
 * generation within a second, and calls in flight finish on the old one. Inputs: need texts are cut at
 * {@value Matcher#MAX_TEXT_CHARS} characters; blank text, {@code k} outside 1–{@value Matcher#MAX_K} and bad paging
 * throw {@link IllegalArgumentException} with a Chinese message; query syntax in text is never interpreted.
 */
public final class Duijie implements Closeable {
    private final LiveIndex<Matcher> live;
    private final UpdateJournal journal;

    private Duijie(LiveIndex<Matcher> live) {
        this.live = live;
        this.journal = new UpdateJournal(live.home().journal());
    }

    /** Opens an index home built by {@link #build} or {@code ./duijie reindex}. */
    public static Duijie open(Path indexDir) throws IOException {
        return open(indexDir, MatchConfig.DEFAULT);
    }

    /** Opens an index home with non-default ranking weights. */
    public static Duijie open(Path indexDir, MatchConfig config) throws IOException {
        return new Duijie(LiveIndex.open(indexDir, index -> new Matcher(index, config)));
    }

    /** Indexes {@code corpus} as a new generation of the index home {@code indexDir}, makes it live and opens it. */
    public static Duijie build(Corpus corpus, Path indexDir) throws IOException {
        return build(corpus, indexDir, MatchConfig.DEFAULT);
    }

    /** As {@link #build(Corpus, Path)}, opened with non-default ranking weights. */
    public static Duijie build(Corpus corpus, Path indexDir, MatchConfig config) throws IOException {
        IndexHome home = IndexHome.at(indexDir);
        try (IndexHome.Lock lock = home.lock()) {
            String generation = Generations.build(home, corpus, List.of(), Vocabulary.bundled(), List.of(),
                    Runtime.getRuntime().availableProcessors(), done -> { });
            home.switchTo(generation);
        }
        return open(indexDir, config);
    }

    /** Results for a need given as free text (title and description). */
    public List<Hit> match(String needText, Filters filters, int k) throws IOException {
        try (LiveIndex.Lease<Matcher> l = live.acquire()) {
            return l.value().match(Kind.RESULT, needText, null, filters, k);
        }
    }

    /** Results for a need of the index, with structured reasons against it (industry, TRL, region …). */
    public List<Hit> matchNeed(String needId, Filters filters, int k) throws IOException {
        try (LiveIndex.Lease<Matcher> l = live.acquire()) {
            Need need = need(l, needId);
            return l.value().match(Kind.RESULT, need.text(), need, filters, k);
        }
    }

    /** Experts for a need text, each with the results that justify them ({@link Hit#evidence()}). */
    public List<Hit> matchExperts(String needText, Filters filters, int k) throws IOException {
        try (LiveIndex.Lease<Matcher> l = live.acquire()) {
            return l.value().matchExperts(needText, null, filters, k);
        }
    }

    /** Experts for a need of the index. */
    public List<Hit> matchExpertsForNeed(String needId, Filters filters, int k) throws IOException {
        try (LiveIndex.Lease<Matcher> l = live.acquire()) {
            Need need = need(l, needId);
            return l.value().matchExperts(need.text(), need, filters, k);
        }
    }

    /** Needs for a result: which enterprises to invite to that result's roadshow. */
    public List<Hit> matchNeeds(String resultId, Filters filters, int k) throws IOException {
        try (LiveIndex.Lease<Matcher> l = live.acquire()) {
            Result r = (Result) l.index().get(Kind.RESULT, resultId)
                    .orElseThrow(() -> new NoSuchElementException("成果不存在：" + resultId));
            String text = r.title() + "\n" + String.join("；", r.keywords()) + "\n" + r.summary();
            return l.value().match(Kind.NEED, text, r, filters, k);
        }
    }

    /**
     * A short staff query (2–20 characters typical, at most {@value Matcher#MAX_QUERY_CHARS}) over one kind, one
     * page (1-based), with facet counts. A blank query lists the kind under the filters.
     */
    public SearchPage search(Kind kind, String query, Filters filters, int page, int size) throws IOException {
        try (LiveIndex.Lease<Matcher> l = live.acquire()) {
            return l.value().search(kind, query, filters, page, size);
        }
    }

    /** Up to {@code n} completions for the search box: result keywords, expert names and result titles. */
    public List<Suggestion> suggest(String prefix, int n) throws IOException {
        try (LiveIndex.Lease<Matcher> l = live.acquire()) {
            return l.value().suggest(prefix, n);
        }
    }

    /** A record by kind and id. */
    public Optional<Object> get(Kind kind, String id) throws IOException {
        try (LiveIndex.Lease<Matcher> l = live.acquire()) {
            return l.index().get(kind, id);
        }
    }

    /** Number of records per kind. */
    public Map<Kind, Integer> counts() throws IOException {
        try (LiveIndex.Lease<Matcher> l = live.acquire()) {
            Map<Kind, Integer> out = new EnumMap<>(Kind.class);
            for (Kind k : Kind.values()) {
                out.put(k, l.index().count(k));
            }
            return out;
        }
    }

    /** The live generation's name, e.g. {@code gen-000007} (after following the pointer if it moved). */
    public String generation() {
        try (LiveIndex.Lease<Matcher> l = live.acquire()) {
            return l.generation();
        }
    }

    /** Bytes of the live generation's index files. */
    public long indexSizeBytes() throws IOException {
        try (LiveIndex.Lease<Matcher> l = live.acquire()) {
            return l.index().sizeBytes();
        }
    }

    /** Follows the live pointer now instead of within the next second; returns whether the generation changed. */
    public boolean refresh() {
        return live.refresh();
    }

    /**
     * Inserts or replaces one record (a {@code Result}, {@code Need}, {@code Expert} or {@code Institution}); it is
     * journaled durably before the index changes, survives restarts and is re-applied by later reindexes under the
     * precedence rule of {@link UpdateJournal}. Fails while a reindex runs (retry after it).
     */
    public void upsert(Object record) throws IOException {
        update(new UpdateJournal.Entry(System.currentTimeMillis(), "upsert", Kind.of(record), Kind.idOf(record), record));
    }

    /** Deletes one record; journaled like {@link #upsert}. Returns whether it existed. */
    public boolean delete(Kind kind, String id) throws IOException {
        boolean existed = get(kind, id).isPresent();
        update(new UpdateJournal.Entry(System.currentTimeMillis(), "delete", kind, id, null));
        return existed;
    }

    private void update(UpdateJournal.Entry entry) throws IOException {
        IndexHome home = live.home();
        try (IndexHome.Lock lock = home.lock()) {
            journal.append(entry);
            String gen = live.generation();
            Path dir = ".".equals(gen) ? home.path() : home.dir(gen);
            Generations.apply(dir, List.of(entry), Vocabulary.forIndex(dir));
            live.reopen();
        }
    }

    /** The ranking engine of the live generation, for evaluation and tools (valid until the next switch). */
    public Matcher matcher() {
        try (LiveIndex.Lease<Matcher> l = live.acquire()) {
            return l.value();
        }
    }

    private static Need need(LiveIndex.Lease<Matcher> l, String needId) throws IOException {
        return (Need) l.index().get(Kind.NEED, needId).orElseThrow(() -> new NoSuchElementException("需求不存在：" + needId));
    }

    @Override
    public void close() {
        live.close();
    }
}
