package dev.duijie;

import dev.duijie.analysis.Vocabulary;
import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Need;
import dev.duijie.corpus.Result;
import dev.duijie.embed.Embedder;
import dev.duijie.embed.EmbeddingCache;
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
import java.util.function.LongConsumer;

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
    private static final System.Logger LOG = System.getLogger("dev.duijie");

    private final LiveIndex<Matcher> live;
    private final UpdateJournal journal;
    private final Embedder embedder; // null: lexical only (switched off, or the model is unavailable)
    private final boolean embeddingsWanted;

    /** Whether semantic matching is on, and if not, why. */
    public enum Semantic {
        /** Lexical and embedding similarity fused. */
        ON,
        /** Switched off by {@link Options#withoutEmbeddings()} ({@code --no-embeddings}). */
        SWITCHED_OFF,
        /** The model or ONNX Runtime could not be loaded (logged once at start-up). */
        MODEL_UNAVAILABLE,
        /** The live generation was built without embeddings (reindex with them to switch semantic matching on). */
        INDEX_WITHOUT_EMBEDDINGS
    }

    /**
     * How to open or build an index home.
     *
     * @param config         ranking weights
     * @param embeddings     whether to use the embedding model (semantic matching) when it is available
     * @param embeddingCache where record embeddings are kept between builds; {@code null} for the index home's
     *                       {@code embeddings/} directory. Only builds use it, under the index home's lock: an open
     *                       index embeds queries and upserted records with the model directly, so a server and a
     *                       nightly reindex never append to the cache file at the same time.
     */
    public record Options(MatchConfig config, boolean embeddings, Path embeddingCache) {
        /** Default weights; semantic matching when the model is available; the cache in the index home. */
        public static final Options DEFAULT = new Options(MatchConfig.DEFAULT, true, null);

        public Options {
            java.util.Objects.requireNonNull(config, "config");
        }

        public Options withConfig(MatchConfig c) {
            return new Options(c, embeddings, embeddingCache);
        }

        /** Lexical matching only: the model is never loaded. */
        public Options withoutEmbeddings() {
            return new Options(config, false, embeddingCache);
        }

        public Options withEmbeddingCache(Path dir) {
            return new Options(config, embeddings, dir);
        }

        Path cacheIn(Path indexDir) {
            return embeddingCache != null ? embeddingCache : indexDir.resolve("embeddings");
        }
    }

    private Duijie(Path indexDir, Options options, Embedder embedder) throws IOException {
        this.embedder = embedder;
        this.live = LiveIndex.open(indexDir, index -> new Matcher(index, options.config(),
                embedder == null ? null : embedder::embed));
        this.journal = new UpdateJournal(live.home().journal());
        this.embeddingsWanted = options.embeddings();
        Semantic s = semantic();
        LOG.log(System.Logger.Level.INFO, s == Semantic.ON ? "semantic matching on (" + embedder.modelId() + ")"
                : "lexical matching only (" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
    }

    /** Opens an index home built by {@link #build} or {@code ./duijie reindex}. */
    public static Duijie open(Path indexDir) throws IOException {
        return open(indexDir, Options.DEFAULT);
    }

    /** Opens an index home with the given options. */
    public static Duijie open(Path indexDir, Options options) throws IOException {
        return opened(indexDir, options, options.embeddings() ? Embedder.tryOpen().orElse(null) : null);
    }

    /** Indexes {@code corpus} as a new generation of the index home {@code indexDir}, makes it live and opens it. */
    public static Duijie build(Corpus corpus, Path indexDir) throws IOException {
        return build(corpus, indexDir, Options.DEFAULT, done -> { });
    }

    /**
     * As {@link #build(Corpus, Path)} with options, reporting records indexed so far to {@code progress}. With
     * embeddings, each record text not in the cache costs one model call (about 10 ms a summary per core).
     */
    public static Duijie build(Corpus corpus, Path indexDir, Options options, LongConsumer progress)
            throws IOException {
        IndexHome home = IndexHome.at(indexDir);
        Embedder e = options.embeddings() ? Embedder.tryOpen().orElse(null) : null;
        try {
            try (IndexHome.Lock lock = home.lock();
                 EmbeddingCache cache = e == null ? null
                         : EmbeddingCache.open(options.cacheIn(indexDir), e.modelId(), e.dimension())) {
                String generation = Generations.build(home, corpus, List.of(), Vocabulary.bundled(), List.of(),
                        Runtime.getRuntime().availableProcessors(), progress,
                        cache == null ? null : text -> cache.get(text, e::embed));
                home.switchTo(generation);
            }
        } catch (IOException | RuntimeException ex) {
            if (e != null) {
                e.close();
            }
            throw ex;
        }
        return opened(indexDir, options, e);
    }

    private static Duijie opened(Path indexDir, Options options, Embedder e) throws IOException {
        try {
            return new Duijie(indexDir, options, e);
        } catch (IOException | RuntimeException ex) {
            if (e != null) {
                e.close();
            }
            throw ex;
        }
    }

    /** Whether need texts are matched lexically and semantically (embeddings) on the live generation, or why not. */
    public Semantic semantic() {
        try (LiveIndex.Lease<Matcher> l = live.acquire()) {
            return l.value().hybrid() ? Semantic.ON
                    : !embeddingsWanted ? Semantic.SWITCHED_OFF
                    : embedder == null ? Semantic.MODEL_UNAVAILABLE : Semantic.INDEX_WITHOUT_EMBEDDINGS;
        }
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
            Generations.apply(dir, List.of(entry), Vocabulary.forIndex(dir),
                    semantic() == Semantic.ON ? embedder::embed : null);
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
    public void close() throws IOException {
        try {
            live.close();
        } finally {
            if (embedder != null) {
                embedder.close();
            }
        }
    }
}
