package dev.duijie.match;

import dev.duijie.Duijie;
import dev.duijie.analysis.Vocabulary;
import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.corpus.Kind;
import dev.duijie.data.BundledCorpus;
import dev.duijie.embed.Embedder;
import dev.duijie.index.IndexHome;
import dev.duijie.index.Passages;
import dev.duijie.index.SearchIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Semantic (hybrid) matching over a real on-disk index of the bundled corpus with embeddings from the real model.
 * Embeddings come from the build-wide test cache ({@code duijie.test.embeddingCache}, set in the root pom), so the
 * corpus is embedded once per build.
 */
class HybridMatchTest {
    @TempDir
    static Path dir;
    static Corpus corpus;
    static Duijie duijie;
    static Embedder embedder;

    static Duijie.Options options() {
        return Duijie.Options.DEFAULT.withEmbeddingCache(
                Path.of(System.getProperty("duijie.test.embeddingCache", "target/test-embeddings")));
    }

    @BeforeAll
    static void build() throws IOException {
        corpus = CorpusLoader.load(BundledCorpus.directory()).corpus();
        duijie = Duijie.build(corpus, dir.resolve("index"), options(), done -> { });
        embedder = Embedder.open();
    }

    @AfterAll
    static void close() throws IOException {
        duijie.close();
        embedder.close();
    }

    @Test
    void theIssuesExampleFindsTheGradedCoatingInsert() throws IOException {
        assertEquals(Duijie.Semantic.ON, duijie.semantic());
        List<String> ids = duijie.match("刀片用不了多久就崩刃", Filters.NONE, 10).stream().map(Hit::id).toList();
        assertTrue(ids.contains("R0782"), "高温合金车削用梯度硬质合金涂层刀片 in the top 10: " + ids);
    }

    @Test
    void fusedScoresAreTheMatchPercentAndDescend() throws IOException {
        List<Hit> hits = duijie.match("我们厂的风电变流器功率模块老是过热烧坏，想找散热好的封装办法", Filters.NONE, 20);
        assertEquals(20, hits.size());
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            assertTrue(h.score() >= 0 && h.score() <= 1, "fused score in 0–1: " + h.score());
            assertEquals(Math.round(100 * h.score()), h.matchPercent(), h.id());
            if (i > 0) {
                assertTrue(hits.get(i - 1).score() >= h.score(), "descending at " + i);
            }
        }
    }

    @Test
    void aHitWithoutSharedTermsShowsItsNearestSentenceAndSaysWhy() throws IOException {
        List<String> needs = List.of("刀片用不了多久就崩刃", "车间里粉尘大，工人老咳嗽", "夏天机柜里的设备老死机",
                "衣服洗几次就起球", "仓库盘点太慢，老是对不上账");
        List<Hit> semantic = new ArrayList<>();
        for (String need : needs) {
            for (Hit h : duijie.match(need, Filters.NONE, 30)) {
                if (h.reasons().stream().anyMatch(r -> r.type() == Reason.Type.SEMANTIC)) {
                    semantic.add(h);
                }
            }
        }
        assertFalse(semantic.isEmpty(), "some hit of these shop-floor needs shares no key term with its body");
        for (Hit h : semantic) {
            String body = Passages.body(h.record());
            assertEquals(1, h.snippets().size(), h.id());
            Snippet s = h.snippets().get(0);
            assertTrue(s.highlights().isEmpty(), "nothing to highlight: " + s);
            String shown = s.text().replace("…", "");
            assertTrue(body.contains(shown), "the snippet is a sentence of the body: " + shown);
            String reason = h.reasons().stream().filter(r -> r.type() == Reason.Type.SEMANTIC).findFirst()
                    .orElseThrow().text();
            assertTrue(reason.startsWith("语义相近") || reason.startsWith("无相同关键词"), reason);
        }
    }

    @Test
    void theShownSentenceIsTheNearestByTheModel() throws IOException {
        String need = "衣服洗几次就起球";
        float[] q = embedder.embed(need);
        int checked = 0;
        for (Hit h : duijie.match(need, Filters.NONE, 30)) {
            if (h.reasons().stream().noneMatch(r -> r.type() == Reason.Type.SEMANTIC)) {
                continue;
            }
            String body = Passages.body(h.record());
            double best = -2;
            double shown = -2;
            String snippet = h.snippets().get(0).text().replace("…", "");
            for (int[] span : Passages.sentences(body).subList(0, Math.min(Passages.MAX, Passages.sentences(body).size()))) {
                String sentence = body.substring(span[0], span[1]);
                double cos = dot(q, embedder.embed(sentence));
                best = Math.max(best, cos);
                if (sentence.contains(snippet)) {
                    shown = cos;
                }
            }
            // Stored vectors are int8: a near-tie may go either way, by less than the quantisation error.
            assertTrue(shown >= best - 0.02, h.id() + ": shown " + shown + ", best " + best);
            checked++;
        }
        assertTrue(checked > 0, "at least one hit was explained by meaning");
    }

    @Test
    void oneModelCallPerRequestEvenForExperts() throws IOException {
        IndexHome home = IndexHome.at(dir.resolve("index"));
        AtomicInteger calls = new AtomicInteger();
        try (SearchIndex index = SearchIndex.open(home.dir(home.live().orElseThrow()), Vocabulary.bundled())) {
            Matcher m = new Matcher(index, MatchConfig.DEFAULT, text -> {
                calls.incrementAndGet();
                return embedder.embed(text);
            });
            assertTrue(m.hybrid());
            m.matchExperts("碳化硅功率模块的封装散热", null, Filters.NONE, 10);
            assertEquals(1, calls.get(), "results and expert profiles share one query embedding");
            m.match(Kind.RESULT, "碳化硅功率模块的封装散热", null, Filters.NONE, 10);
            assertEquals(2, calls.get());
            m.search(Kind.RESULT, "碳化硅", Filters.NONE, 1, 10);
            assertEquals(2, calls.get(), "staff search is lexical");
        }
    }

    @Test
    void expertsAreBackedByEvidence() throws IOException {
        List<Hit> experts = duijie.matchExperts("刀片用不了多久就崩刃", Filters.NONE, 5);
        assertEquals(5, experts.size());
        assertTrue(experts.stream().allMatch(e -> e.kind() == Kind.EXPERT));
        assertFalse(experts.get(0).evidence().isEmpty(), "the best expert has results behind them");
    }

    @Test
    void theSameIndexOpensLexicallyAndSaysSo() throws IOException {
        try (Duijie lexical = Duijie.open(dir.resolve("index"), options().withoutEmbeddings())) {
            assertEquals(Duijie.Semantic.SWITCHED_OFF, lexical.semantic());
            for (Hit h : lexical.match("刀片用不了多久就崩刃", Filters.NONE, 10)) {
                assertTrue(h.reasons().stream().noneMatch(r -> r.type() == Reason.Type.SEMANTIC));
            }
        }
        Path plain = dir.resolve("plain");
        try (Duijie built = Duijie.build(corpus, plain, options().withoutEmbeddings(), done -> { })) {
            assertEquals(Duijie.Semantic.SWITCHED_OFF, built.semantic());
        }
        try (Duijie reopened = Duijie.open(plain, options())) {
            assertEquals(Duijie.Semantic.INDEX_WITHOUT_EMBEDDINGS, reopened.semantic(),
                    "the model is there, the index has no vectors: lexical, and it says why");
            assertFalse(reopened.match("刀片用不了多久就崩刃", Filters.NONE, 5).isEmpty());
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
