package dev.duijie.match;

import dev.duijie.analysis.TokenList;

import dev.duijie.corpus.Expert;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Result;
import dev.duijie.index.Fields;
import dev.duijie.index.SearchIndex;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Ranking and explanation over one open index: the engine behind {@link dev.duijie.Duijie}. */
public final class Matcher {
    /** Longer need texts are cut here (documented in the API): beyond it a need is a document, not a query. */
    public static final int MAX_TEXT_CHARS = 10_000;
    /** Staff queries are short; anything longer is a need and belongs in match. */
    public static final int MAX_QUERY_CHARS = 200;
    public static final int MAX_K = 100;
    public static final int MAX_PAGE_SIZE = 100;
    /** Deep paging is a scraping pattern, not a staff one: page × size is capped. */
    public static final int MAX_WINDOW = 10_000;

    private final SearchIndex index;
    private final MatchConfig config;
    private final Explainer explainer;
    private final Function<String, float[]> queryVectors;
    private volatile Suggester suggester;

    /** A lexical-only matcher. */
    public Matcher(SearchIndex index, MatchConfig config) {
        this(index, config, null);
    }

    /**
     * A hybrid matcher when {@code queryVectors} (text → unit vector, one model call) is given, the index holds
     * embeddings and {@link MatchConfig#denseWeight} is above 0; lexical otherwise.
     */
    public Matcher(SearchIndex index, MatchConfig config, Function<String, float[]> queryVectors) {
        this.index = index;
        this.config = config;
        this.explainer = new Explainer(index);
        this.queryVectors = queryVectors != null && config.denseWeight() > 0 && index.hasVectors() ? queryVectors : null;
    }

    /** Whether need texts are matched lexically and by embeddings (else lexically only). */
    public boolean hybrid() {
        return queryVectors != null;
    }

    /** The ranked documents of one query, before explanation; {@code fused} scores are already 0–1. */
    record Ranking(List<KeyTerms.KeyTerm> terms, ScoreDoc[] docs, long total, double reference, Facets facets,
                   boolean fused) {
        int percent(double score, MatchConfig config) {
            return (int) Math.round(100 * (fused ? score : HybridRanker.normalisedLexical(score, reference, config)));
        }
    }

    /** Ranked and explained records of {@code target} for a text; {@code context} is the need or result it came from. */
    public List<Hit> match(Kind target, String text, Object context, Filters filters, int k) throws IOException {
        checkK(k);
        String query = clean(text, MAX_TEXT_CHARS);
        float[] vector = queryVector(query);
        Ranking r = rank(target, query, filters, k, false, vector);
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc sd : r.docs()) {
            Object record = index.record(target, sd.doc);
            hits.add(explainer.explain(target, id(record), record, sd.score, r.percent(sd.score, config), r.terms(),
                    context, List.of(), vector == null ? Explainer.NearestSentence.NONE
                            : () -> index.nearestSentence(sd.doc, vector)));
        }
        return hits;
    }

    /** Experts for a need text: their own profile combined with the evidence of their matching results. */
    public List<Hit> matchExperts(String text, Object context, Filters filters, int k) throws IOException {
        checkK(k);
        ExpertRanking ranked = rankExperts(text, filters, k);
        List<Hit> hits = new ArrayList<>(ranked.hits().size());
        for (Hit h : ranked.hits()) {
            hits.add(explainer.explain(Kind.EXPERT, h.id(), h.record(), h.score(), h.matchPercent(), ranked.terms(),
                    context, h.evidence(), Explainer.NearestSentence.NONE));
        }
        return hits;
    }

    /** Experts as bare hits (record, score, 匹配度, evidence) and the profile query's key terms, unexplained. */
    private record ExpertRanking(List<Hit> hits, List<KeyTerms.KeyTerm> terms) {
    }

    private ExpertRanking rankExperts(String text, Filters filters, int k) throws IOException {
        String query = clean(text, MAX_TEXT_CHARS);
        float[] vector = queryVector(query); // one model call serves both rankings
        Ranking results = rank(Kind.RESULT, query, filters, config.evidenceDepth(), false, vector);
        Filters expertFilters = Filters.NONE.withInstitutions(filters.institutions().toArray(String[]::new));
        Ranking profiles = rank(Kind.EXPERT, query, expertFilters, config.evidenceDepth(), false, vector);

        Map<String, List<Hit>> evidence = new LinkedHashMap<>();
        // Normalisers guard against 0: a fused ranking may score everything 0 (no cosine above the floor).
        double bestResult = results.docs().length == 0 || results.docs()[0].score <= 0 ? 1 : results.docs()[0].score;
        for (ScoreDoc sd : results.docs()) {
            Result r = (Result) index.record(Kind.RESULT, sd.doc);
            Hit light = new Hit(Kind.RESULT, r.id(), r.title(), sd.score, results.percent(sd.score, config), List.of(),
                    List.of(), List.of(), r, List.of());
            for (String expert : r.team()) {
                evidence.computeIfAbsent(expert, e -> new ArrayList<>()).add(light);
            }
        }
        Map<String, Double> profile = new HashMap<>();
        double bestProfile = profiles.docs().length == 0 || profiles.docs()[0].score <= 0 ? 1 : profiles.docs()[0].score;
        for (ScoreDoc sd : profiles.docs()) {
            profile.put(id(index.record(Kind.EXPERT, sd.doc)), sd.score / bestProfile);
        }
        Map<String, Double> evidenceScore = new HashMap<>();
        double bestEvidence = 0;
        for (Map.Entry<String, List<Hit>> e : evidence.entrySet()) {
            double s = 0;
            double w = 1;
            for (Hit h : e.getValue()) {
                s += w * h.score() / bestResult;
                w *= config.evidenceDecay();
            }
            evidenceScore.put(e.getKey(), s);
            bestEvidence = Math.max(bestEvidence, s);
        }
        Set<String> candidates = new java.util.LinkedHashSet<>(profile.keySet());
        candidates.addAll(evidence.keySet());
        Map<String, Double> combined = new HashMap<>();
        for (String id : candidates) {
            double ev = bestEvidence > 0 ? evidenceScore.getOrDefault(id, 0.0) / bestEvidence : 0;
            combined.put(id, config.expertProfileWeight() * profile.getOrDefault(id, 0.0)
                    + (1 - config.expertProfileWeight()) * ev);
        }
        List<String> ranked = candidates.stream()
                .sorted(Comparator.comparingDouble((String id) -> -combined.get(id)).thenComparing(id -> id))
                .toList();
        List<Hit> hits = new ArrayList<>();
        for (String id : ranked) {
            if (hits.size() == k) {
                break;
            }
            Object record = index.get(Kind.EXPERT, id).orElse(null);
            if (!(record instanceof Expert expert)
                    || (!filters.institutions().isEmpty() && !filters.institutions().contains(expert.institution()))) {
                continue; // a team member missing from experts, or outside the institution filter
            }
            double score = combined.get(id);
            hits.add(new Hit(Kind.EXPERT, id, expert.name(), score, (int) Math.round(100 * score), List.of(), List.of(),
                    List.of(), record, evidence.getOrDefault(id, List.of())));
        }
        return new ExpertRanking(hits, profiles.terms());
    }

    /** A short staff query over one kind, one page, with facet counts over all matches. */
    public SearchPage search(Kind kind, String query, Filters filters, int page, int size) throws IOException {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE || (long) page * size > MAX_WINDOW) {
            throw new IllegalArgumentException("page ≥ 1, 1 ≤ size ≤ " + MAX_PAGE_SIZE + ", page × size ≤ " + MAX_WINDOW);
        }
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX_QUERY_CHARS) {
            throw new IllegalArgumentException("查询过长（" + q.length() + " 个字符，上限 " + MAX_QUERY_CHARS + "）：长文本请用需求匹配");
        }
        // Lexical only: staff search pages through an exact match set with totals and facets, which a nearest-
        // neighbour list does not have; and 2–8 character queries are where embeddings help least (docs/quality.md).
        Ranking r = rank(kind, q, filters, page * size, true, null);
        List<Hit> hits = new ArrayList<>();
        for (int i = (page - 1) * size; i < r.docs().length; i++) {
            ScoreDoc sd = r.docs()[i];
            Object record = index.record(kind, sd.doc);
            hits.add(explainer.explain(kind, id(record), record, sd.score, r.percent(sd.score, config), r.terms(),
                    null, List.of(), Explainer.NearestSentence.NONE));
        }
        return new SearchPage(hits, r.total(), page, size, facetCounts(r.facets()));
    }

    /** Search-box completions of a prefix (built on first use). */
    public List<Suggestion> suggest(String prefix, int n) throws IOException {
        if (prefix == null || prefix.length() > MAX_QUERY_CHARS || n < 1 || n > MAX_K) {
            throw new IllegalArgumentException("前缀长度应在 " + MAX_QUERY_CHARS + " 个字符以内，n 在 1–" + MAX_K + " 之间");
        }
        Suggester s = suggester;
        if (s == null) {
            synchronized (this) {
                s = suggester;
                if (s == null) {
                    suggester = s = new Suggester(index);
                }
            }
        }
        return s.suggest(prefix, n);
    }

    /** Ids of the top {@code depth} records for a text: the eval path, no explanations. */
    public List<String> rankIds(Kind target, String text, int depth) throws IOException {
        String query = clean(text, MAX_TEXT_CHARS);
        Ranking r = rank(target, query, Filters.NONE, depth, false, queryVector(query));
        List<String> ids = new ArrayList<>();
        for (ScoreDoc sd : r.docs()) {
            ids.add(id(index.record(target, sd.doc)));
        }
        return ids;
    }

    /** Expert ids for a text, as {@link #matchExperts} ranks them. */
    public List<String> rankExpertIds(String text, int depth) throws IOException {
        return rankExperts(text, Filters.NONE, Math.min(depth, MAX_K)).hits().stream().map(Hit::id).toList();
    }

    private float[] queryVector(String text) {
        return queryVectors == null || text.isEmpty() ? null : queryVectors.apply(text);
    }

    /** Lexical ranking, fused with the dense one when {@code vector} is given (never with facets). */
    Ranking rank(Kind target, String text, Filters filters, int depth, boolean facets, float[] vector)
            throws IOException {
        IndexSearcher searcher = index.searcher();
        Idf idf = new Idf(searcher.getIndexReader(), target);
        List<KeyTerms.KeyTerm> terms = text.isEmpty() ? List.of()
                : KeyTerms.extract(text, index.analyzers().domain(), index.vocabulary(), config, idf::of);
        List<String> bigrams = text.isEmpty() ? List.of() : bigrams(text, idf);
        if (!text.isEmpty() && terms.isEmpty() && bigrams.isEmpty()) {
            return new Ranking(terms, new ScoreDoc[0], 0, 0, null, false); // only stop words or punctuation
        }
        Query query = text.isEmpty() ? QueryBuilder.filtersOnly(target, filters)
                : QueryBuilder.build(target, terms, bigrams, filters, config);
        double reference = terms.stream().filter(t -> t.synonymOf() == null)
                .mapToDouble(t -> t.weight() * idf.of(t.term())).sum();
        if (facets) {
            FacetsCollectorManager.FacetsResult fr = FacetsCollectorManager.search(searcher, query, Math.max(1, depth),
                    new FacetsCollectorManager());
            Facets counts = new SortedSetDocValuesFacetCounts(index.facetState(), fr.facetsCollector());
            return new Ranking(terms, fr.topDocs().scoreDocs, fr.topDocs().totalHits.value, reference, counts, false);
        }
        if (vector != null && !text.isEmpty()) {
            ScoreDoc[] fused = HybridRanker.rank(searcher, query, QueryBuilder.filtersOnly(target, filters), vector,
                    reference, Math.max(1, depth), config, doc -> idOf(target, doc));
            return new Ranking(terms, fused, fused.length, reference, null, true);
        }
        TopDocs top = searcher.search(query, Math.max(1, depth));
        return new Ranking(terms, top.scoreDocs, top.totalHits.value, reference, null, false);
    }

    /** The rarest CJK bigrams of the text that occur in the target's records, for the recall field. */
    private List<String> bigrams(String text, Idf idf) {
        if (config.bigramWeight() <= 0 || config.maxBigrams() == 0) {
            return List.of();
        }
        Map<String, Double> scored = new LinkedHashMap<>();
        for (TokenList.Tok t : TokenList.of(index.analyzers().bigram(), "query", text)) {
            if (t.term().codePointCount(0, t.term().length()) == 2 && !index.vocabulary().stopWords().contains(t.term())
                    && !scored.containsKey(t.term())) {
                double v = idf.ofBigram(t.term());
                if (v > 0) {
                    scored.put(t.term(), v);
                }
            }
        }
        return scored.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(config.maxBigrams()).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Map<String, Integer>> facetCounts(Facets facets) throws IOException {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        if (facets == null) {
            return out;
        }
        for (String dim : Fields.FACETS) {
            Map<String, Integer> values = new LinkedHashMap<>();
            FacetResult fr;
            try {
                fr = facets.getTopChildren(50, dim);
            } catch (IllegalArgumentException e) {
                fr = null; // dimension absent from this index (e.g. no record has a region)
            }
            if (fr != null) {
                for (LabelAndValue lv : fr.labelValues) {
                    values.put(lv.label, lv.value.intValue());
                }
            }
            out.put(dim, values);
        }
        return out;
    }

    /** BM25-style idf per term among the target kind's records, over its title, keywords and body. */
    private static final class Idf {
        private final IndexReader reader;
        private final String[] fields;
        private final String bigramField;
        private final int docCount;
        private final Map<String, Double> cache = new HashMap<>();

        Idf(IndexReader reader, Kind kind) throws IOException {
            this.reader = reader;
            this.fields = new String[]{Fields.text(kind, Fields.Role.TITLE), Fields.text(kind, Fields.Role.KEYWORDS),
                    Fields.text(kind, Fields.Role.BODY)};
            this.bigramField = Fields.text(kind, Fields.Role.BIGRAM);
            this.docCount = reader.getDocCount(bigramField);
        }

        double of(String term) {
            return cache.computeIfAbsent(term, t -> {
                int df = 0;
                for (String f : fields) {
                    df = Math.max(df, docFreq(f, t));
                }
                return idf(df);
            });
        }

        double ofBigram(String bigram) {
            return idf(docFreq(bigramField, bigram));
        }

        private int docFreq(String field, String term) {
            try {
                return reader.docFreq(new Term(field, term));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private double idf(int df) {
            return df == 0 ? 0 : Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
        }
    }

    private static String clean(String text, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("文本为空：请输入需求的标题或描述");
        }
        String s = text.strip();
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
    }

    private static void checkK(int k) {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k 应在 1–" + MAX_K + " 之间");
        }
    }

    private String idOf(Kind kind, int doc) {
        try {
            return id(index.record(kind, doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String id(Object record) {
        return Kind.idOf(record);
    }
}
