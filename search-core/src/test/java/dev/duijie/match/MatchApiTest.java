package dev.duijie.match;

import dev.duijie.Duijie;
import dev.duijie.analysis.TokenList;
import dev.duijie.analysis.Vocabulary;
import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.CorpusLoader;
import dev.duijie.corpus.Expert;
import dev.duijie.corpus.Kind;
import dev.duijie.corpus.Need;
import dev.duijie.corpus.Result;
import dev.duijie.data.BundledCorpus;
import dev.duijie.index.Analyzers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public API over a real on-disk index of the bundled corpus. */
class MatchApiTest {
    @TempDir
    static Path dir;
    static Corpus corpus;
    static Duijie duijie;
    static Analyzers analyzers = new Analyzers(Vocabulary.bundled());
    static final Duijie.Options LEXICAL = Duijie.Options.DEFAULT.withoutEmbeddings();

    @BeforeAll
    static void build() throws IOException {
        corpus = CorpusLoader.load(BundledCorpus.directory()).corpus();
        // Lexical: these tests pin term-level behaviour; semantic matching is tested in HybridMatchTest.
        duijie = Duijie.build(corpus, dir.resolve("index"), LEXICAL, done -> { });
    }

    @AfterAll
    static void close() throws IOException {
        duijie.close();
    }

    private static Set<String> terms(String text) {
        return TokenList.of(analyzers.domain(), "f", text).stream().map(TokenList.Tok::term).collect(Collectors.toSet());
    }

    private static String text(Object record) {
        return Explainer.Texts.of(record).all();
    }

    @Test
    void indexHoldsEveryRecord() throws IOException {
        Map<Kind, Integer> counts = duijie.counts();
        for (Kind k : Kind.values()) {
            assertEquals(corpus.count(k), counts.get(k), k.name());
        }
        Result first = corpus.results().get(0);
        assertEquals(first, duijie.get(Kind.RESULT, first.id()).orElseThrow());
        assertTrue(duijie.get(Kind.RESULT, "no-such-id").isEmpty());
        assertTrue(duijie.get(Kind.NEED, first.id()).isEmpty(), "ids are per kind");
    }

    @Test
    void everyNeedOfASampleFindsResultsAndEveryNamedTermOccursInBothTexts() throws IOException {
        List<Need> sample = corpus.needs().stream().limit(60).toList();
        for (Need need : sample) {
            List<Hit> hits = duijie.matchNeed(need.id(), Filters.NONE, 10);
            assertFalse(hits.isEmpty(), need.id());
            Set<String> needTerms = terms(need.text());
            for (Hit h : hits) {
                Set<String> hitTerms = terms(text(h.record()));
                for (MatchedTerm t : h.matchedTerms()) {
                    assertTrue(hitTerms.contains(t.term()), need.id() + " → " + h.id() + ": " + t);
                    String queryTerm = t.synonymOf() == null ? t.term() : t.synonymOf();
                    assertTrue(needTerms.contains(queryTerm), need.id() + " → " + h.id() + ": " + t);
                    if (t.synonymOf() != null) {
                        assertTrue(Vocabulary.bundled().synonyms().alternatives(t.synonymOf()).contains(t.term()));
                    }
                }
            }
        }
    }

    @Test
    void matchPercentIsMonotoneInScoreAndBounded() throws IOException {
        List<Hit> hits = duijie.match("高导热氮化硅陶瓷基板，用于IGBT功率模块散热", Filters.NONE, 30);
        assertFalse(hits.isEmpty());
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i).score() <= hits.get(i - 1).score());
            assertTrue(hits.get(i).matchPercent() <= hits.get(i - 1).matchPercent());
        }
        hits.forEach(h -> assertTrue(h.matchPercent() >= 0 && h.matchPercent() <= 100));
    }

    @Test
    void snippetsMarkMatchedTermsInsideTheirSentence() throws IOException {
        for (Hit h : duijie.match("硬质合金刀片涂层寿命", Filters.NONE, 10)) {
            assertFalse(h.snippets().isEmpty(), h.id());
            for (Snippet s : h.snippets()) {
                int last = -1;
                for (Snippet.Highlight m : s.highlights()) {
                    assertTrue(m.start() > last && m.end() <= s.text().length() && m.start() < m.end(), s.toString());
                    last = m.end() - 1;
                }
            }
        }
    }

    @Test
    void structuredReasonsCompareTheResultWithTheNeed() throws IOException {
        Need need = corpus.needs().stream().filter(n -> n.requiredTrl() != null && n.industry() != null)
                .findFirst().orElseThrow();
        List<Hit> hits = duijie.matchNeed(need.id(), Filters.NONE, 10);
        for (Hit h : hits) {
            Result r = (Result) h.record();
            boolean sameIndustry = need.industry().equals(r.industry());
            assertEquals(sameIndustry, h.reasons().stream().anyMatch(x -> x.type() == Reason.Type.INDUSTRY), h.id());
            if (r.trl() != null) {
                assertTrue(h.reasons().stream().anyMatch(x -> x.type() == Reason.Type.TRL
                        && x.text().contains("TRL " + r.trl())), h.id());
            }
        }
    }

    @Test
    void filtersRestrictEveryHitAndFacetsCountAllMatches() throws IOException {
        String industry = corpus.results().get(0).industry();
        Filters f = Filters.NONE.withIndustries(industry).withTrl(5, 8);
        for (Hit h : duijie.match("提高产品质量和生产效率的工艺", f, 50)) {
            Result r = (Result) h.record();
            assertEquals(industry, r.industry());
            assertTrue(r.trl() >= 5 && r.trl() <= 8, h.id());
        }
        String mode = "许可";
        for (Hit h : duijie.match("检测", Filters.NONE.withTransferModes(mode), 20)) {
            assertTrue(((Result) h.record()).transferModes().contains(mode));
        }
        LocalDate from = LocalDate.of(2023, 1, 1);
        for (Hit h : duijie.match("检测", Filters.NONE.withDates(from, null), 20)) {
            assertFalse(((Result) h.record()).date().isBefore(from));
        }
        SearchPage page = duijie.search(Kind.RESULT, "检测", Filters.NONE, 1, 10);
        int sum = page.facets().get("industry").values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(page.total(), sum, "industry is single-valued: its counts add up to the total");
        assertTrue(page.total() > 10);
    }

    @Test
    void pagingIsConsistent() throws IOException {
        SearchPage one = duijie.search(Kind.RESULT, "电池", Filters.NONE, 1, 5);
        SearchPage two = duijie.search(Kind.RESULT, "电池", Filters.NONE, 2, 5);
        List<Hit> ten = duijie.search(Kind.RESULT, "电池", Filters.NONE, 1, 10).hits();
        assertEquals(ten.subList(0, 5).stream().map(Hit::id).toList(), one.hits().stream().map(Hit::id).toList());
        assertEquals(ten.subList(5, 10).stream().map(Hit::id).toList(), two.hits().stream().map(Hit::id).toList());
        SearchPage all = duijie.search(Kind.EXPERT, "", Filters.NONE, 1, 100);
        assertEquals(Math.min(100, corpus.experts().size()), all.hits().size(), "a blank query lists the kind");
    }

    @Test
    void expertsComeWithTheirEvidence() throws IOException {
        List<Hit> experts = duijie.matchExperts("锂电池热失控预警与储能系统安全", Filters.NONE, 10);
        assertFalse(experts.isEmpty());
        for (Hit e : experts) {
            assertEquals(Kind.EXPERT, e.kind());
            for (Hit evidence : e.evidence()) {
                assertTrue(((Result) evidence.record()).team().contains(e.id()), e.id() + " in team of " + evidence.id());
            }
        }
        assertTrue(experts.stream().anyMatch(e -> !e.evidence().isEmpty()));
    }

    @Test
    void moreFittingResultsBeatOneWeakHit() throws IOException {
        List<Hit> experts = duijie.matchExperts("锂电池热失控预警与储能系统安全", Filters.NONE, 10);
        Hit top = experts.get(0);
        Hit last = experts.get(experts.size() - 1);
        assertTrue(top.evidence().size() >= last.evidence().size() || top.score() > last.score());
    }

    @Test
    void reverseMatchingFindsNeedsForAResult() throws IOException {
        Result r = corpus.results().get(0);
        List<Hit> needs = duijie.matchNeeds(r.id(), Filters.NONE, 10);
        assertFalse(needs.isEmpty());
        needs.forEach(h -> assertEquals(Kind.NEED, h.kind()));
    }

    @Test
    void hostileTextIsOnlyText() throws IOException {
        for (String q : List.of("AND OR NOT * ? \" : ( ) [ ] { } ~ ^ \\ / +-&&||!", "title:IGBT^10 OR summary:*",
                "<script>alert(1)</script> 碳化硅", "'; DROP TABLE results; --", "😀😀😀", "\u0000\u0001控制字符")) {
            duijie.match(q, Filters.NONE, 10);
            duijie.search(Kind.RESULT, q, Filters.NONE, 1, 10);
        }
        assertEquals(List.of(), duijie.match("我们希望需要解决问题", Filters.NONE, 10), "only boilerplate: no hits");
        assertThrows(IllegalArgumentException.class, () -> duijie.match("   ", Filters.NONE, 10));
        assertThrows(IllegalArgumentException.class, () -> duijie.match(null, Filters.NONE, 10));
        assertThrows(IllegalArgumentException.class, () -> duijie.match("碳化硅", Filters.NONE, 0));
        assertThrows(IllegalArgumentException.class, () -> duijie.match("碳化硅", Filters.NONE, 101));
        assertThrows(IllegalArgumentException.class, () -> duijie.search(Kind.RESULT, "碳化硅", Filters.NONE, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> duijie.search(Kind.RESULT, "碳化硅", Filters.NONE, 1, 101));
        assertThrows(IllegalArgumentException.class, () -> duijie.search(Kind.RESULT, "碳化硅", Filters.NONE, 1001, 10));
        assertThrows(IllegalArgumentException.class, () -> duijie.search(Kind.RESULT, "长".repeat(201), Filters.NONE, 1, 10));
        assertThrows(java.util.NoSuchElementException.class, () -> duijie.matchNeed("../../etc/passwd", Filters.NONE, 10));
        assertThrows(IllegalArgumentException.class, () -> Filters.NONE.withTrl(8, 3));
    }

    @Test
    void aNeedOverTheLimitIsCutNotRejected() throws IOException {
        String need = "需要高导热氮化硅陶瓷基板。".repeat(2000); // 26,000 characters
        assertFalse(duijie.match(need, Filters.NONE, 5).isEmpty());
    }

    @Test
    void expertsRespectTheInstitutionFilter() throws IOException {
        Expert any = corpus.experts().get(0);
        for (Hit h : duijie.matchExperts(String.join("、", any.areas()), Filters.NONE.withInstitutions(any.institution()), 10)) {
            assertEquals(any.institution(), ((Expert) h.record()).institution());
        }
    }

    @Test
    void synonymsCanBeSwitchedOff() throws IOException {
        try (Duijie plain = Duijie.open(dir.resolve("index"), LEXICAL.withConfig(MatchConfig.DEFAULT.withoutSynonyms()))) {
            Set<MatchedTerm> viaSynonym = new HashSet<>();
            plain.match("钨钢铣刀用久了刃口崩缺", Filters.NONE, 20).forEach(h -> h.matchedTerms().stream()
                    .filter(t -> t.synonymOf() != null).forEach(viaSynonym::add));
            assertEquals(Set.of(), viaSynonym);
        }
    }

    /**
     * Enterprise voice: a stamping plant says 钨钢 (tungsten steel, shop-floor word); no result in the corpus uses it,
     * results say 硬质合金. The carbide die insert R0951 is found through the thesaurus, and says so.
     */
    @Test
    void aNeedInShopFloorWordsFindsTheResultThroughTheSynonymLayer() throws IOException {
        String need = "我们厂冲压用的钨钢模具磨损太快，想找延长寿命的办法";
        Result target = corpus.result("R0951").orElseThrow();
        assertFalse(text(target).contains("钨钢"), "the result never says 钨钢");
        List<Hit> hits = duijie.match(need, Filters.NONE, 5);
        Hit hit = hits.stream().filter(h -> h.id().equals(target.id())).findFirst()
                .orElseThrow(() -> new AssertionError("R0951 not in the top 5: " + hits.stream().map(Hit::id).toList()));
        assertTrue(hit.matchedTerms().contains(new MatchedTerm("硬质合金", "钨钢")), hit.matchedTerms().toString());
        assertTrue(hit.reasons().stream().anyMatch(r -> r.type() == Reason.Type.SYNONYMS && r.text().contains("钨钢")));
        try (Duijie plain = Duijie.open(dir.resolve("index"), LEXICAL.withConfig(MatchConfig.DEFAULT.withoutSynonyms()))) {
            double without = plain.match(need, Filters.NONE, 50).stream().filter(h -> h.id().equals(target.id()))
                    .mapToDouble(Hit::score).findFirst().orElse(0);
            assertTrue(without < hit.score(), "the synonym adds to the score: " + without + " vs " + hit.score());
            assertEquals(List.of(), plain.match("钨钢", Filters.NONE, 10), "without the thesaurus 钨钢 finds nothing");
        }
        List<Hit> bare = duijie.match("钨钢", Filters.NONE, 10);
        assertEquals(10, bare.size());
        bare.forEach(h -> assertTrue(h.matchedTerms().contains(new MatchedTerm("硬质合金", "钨钢")), h.id()));
    }
}
