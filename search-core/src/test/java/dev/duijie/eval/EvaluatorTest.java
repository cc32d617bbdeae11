package dev.duijie.eval;

import dev.duijie.corpus.Corpus;
import dev.duijie.corpus.Judgment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.duijie.eval.Fixtures.expert;
import static dev.duijie.eval.Fixtures.need;
import static dev.duijie.eval.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EvaluatorTest {
    private static final double EPS = 1e-6;

    /**
     * N1: results R1 (3) and R2 (1), expert E1 (2). N2: only R3 (1), a no-answer need-result query and no
     * need-expert query at all. Q1: R2 (2) and R4 (3). Q2: R1 (0), no-answer. The last two judgments name
     * an unknown qid and an unknown doc and are ignored.
     */
    private static final Corpus CORPUS = Corpus.of(
            List.of(result("R1", "梯度硬质合金涂层刀片", "寿命提高 2 倍"), result("R2", "刀具刃口钝化", "减少崩刃"),
                    result("R3", "水稻育种", "抗倒伏"), result("R4", "硬质合金回收", "锌熔法")),
            List.of(need("N1", "刀片崩刃", "我们的刀片用不了多久就崩刃。"), need("N2", "水稻倒伏", null)),
            List.of(expert("E1", "张三"), expert("E2", "李四")),
            List.of(),
            Map.of("Q1", "硬质合金", "Q2", "稻米"),
            List.of(new Judgment("N1", "R1", 3), new Judgment("N1", "R2", 1), new Judgment("N1", "E1", 2),
                    new Judgment("N2", "R3", 1), new Judgment("Q1", "R2", 2), new Judgment("Q1", "R4", 3),
                    new Judgment("Q2", "R1", 0), new Judgment("X9", "R1", 3), new Judgment("N1", "R99", 3)));

    private record Call(QueryType type, String qid, String text, int depth) {
    }

    /** Fixed rankings per query; records every call. */
    private static final class FakeRanker implements Ranker {
        final List<Call> calls = new ArrayList<>();

        @Override
        public List<String> rank(QueryType type, String qid, String text, int depth) {
            calls.add(new Call(type, qid, text, depth));
            return switch (type) {
                case NEED_RESULT -> List.of("R2", "R1");
                case NEED_EXPERT -> List.of("E1", "E2");
                case STAFF_QUERY -> List.of("R4", "R3");
            };
        }
    }

    @Test
    void ranksOnlyAnswerableQueriesWithTheirText() throws Exception {
        FakeRanker ranker = new FakeRanker();
        new Evaluator(CORPUS).evaluate("fake", ranker);
        assertEquals(List.of(
                new Call(QueryType.NEED_RESULT, "N1", "刀片崩刃\n我们的刀片用不了多久就崩刃。", 50),
                new Call(QueryType.NEED_EXPERT, "N1", "刀片崩刃\n我们的刀片用不了多久就崩刃。", 50),
                new Call(QueryType.STAFF_QUERY, "Q1", "硬质合金", 50)), ranker.calls);
    }

    @Test
    void perQueryRows() throws Exception {
        EvalResult r = new Evaluator(CORPUS).evaluate("fake", new FakeRanker());
        assertEquals("fake", r.mode());
        List<QueryRow> rows = r.rows();
        assertEquals(3, rows.size());

        // N1 need-result, ranking R2(1) R1(3): DCG = 1 + 7/log2(3) = 5.416508; IDCG = 7 + 1/log2(3) = 7.630930.
        assertRow(rows.get(0), "N1", QueryType.NEED_RESULT, 0.709810, 1.0, 0.5, 0.2);
        assertRow(rows.get(1), "N1", QueryType.NEED_EXPERT, 1.0, 1.0, 1.0, 0.2);
        // Q1, ranking R4(3) R3(unjudged): DCG = 7; IDCG = 7 + 3/log2(3) = 8.892789; R2 missed → recall 1/2.
        assertRow(rows.get(2), "Q1", QueryType.STAFF_QUERY, 0.787155, 0.5, 1.0, 0.2);
        for (QueryRow row : rows) {
            assertEquals("fake", row.mode());
            assertEquals(Half.of(row.qid()), row.half());
        }
    }

    private static void assertRow(QueryRow row, String qid, QueryType type, double ndcg, double recall, double mrr,
                                  double p5) {
        assertEquals(qid, row.qid());
        assertEquals(type, row.type());
        assertEquals(ndcg, row.ndcg10(), EPS, "nDCG@10 of " + qid);
        assertEquals(recall, row.recall50(), EPS, "Recall@50 of " + qid);
        assertEquals(mrr, row.mrr10(), EPS, "MRR@10 of " + qid);
        assertEquals(p5, row.p5(), EPS, "P@5 of " + qid);
    }

    @Test
    void aggregatesPerTypeAndExcludesNoAnswer() throws Exception {
        EvalResult r = new Evaluator(CORPUS).evaluate("fake", new FakeRanker());
        assertEquals(Map.of(QueryType.NEED_RESULT, 1, QueryType.NEED_EXPERT, 0, QueryType.STAFF_QUERY, 1),
                r.noAnswer());
        assertEquals(2, r.noAnswerTotal());

        Scores needResult = r.scores(QueryType.NEED_RESULT, null);
        assertEquals(1, needResult.queries());
        assertEquals(0.709810, needResult.ndcg10(), EPS);

        Scores all = r.scores(null, null);
        assertEquals(3, all.queries());
        assertEquals((0.709810 + 1.0 + 0.787155) / 3, all.ndcg10(), EPS);
        assertEquals((1.0 + 1.0 + 0.5) / 3, all.recall50(), EPS);
        assertEquals((0.5 + 1.0 + 1.0) / 3, all.mrr10(), EPS);
        assertEquals(0.2, all.p5(), EPS);

        // Halves: N1 and Q1 both have even CRC32 (see HalfTest), so everything is in the tuning half.
        assertEquals(3, r.scores(null, Half.TUNING).queries());
        assertEquals(0, r.scores(null, Half.REPORTING).queries());
        assertEquals(0.0, r.scores(null, Half.REPORTING).ndcg10(), EPS);
    }

    @Test
    void summaryOrdersPlainGroupsBeforeHalvesAndLeavesOutEmptyOnes() throws Exception {
        EvalResult r = new Evaluator(CORPUS).evaluate("fake", new FakeRanker());
        assertEquals(List.of("need-result", "need-expert", "staff-query", "all",
                        "need-result/tuning", "need-expert/tuning", "staff-query/tuning", "all/tuning"),
                List.copyOf(r.summary().keySet()));

        Corpus staffOnly = Corpus.of(List.of(result("R1", "a", "b")), List.of(), List.of(), List.of(),
                Map.of("Q3", "x"), List.of(new Judgment("Q3", "R1", 2)));
        EvalResult s = new Evaluator(staffOnly).evaluate("fake", (t, q, text, d) -> List.of("R1"));
        List<String> expected = List.of("staff-query", "all",
                "staff-query/" + Half.of("Q3").label(), "all/" + Half.of("Q3").label());
        assertEquals(expected, List.copyOf(s.summary().keySet()));
        assertEquals(1.0, s.summary().get("all").ndcg10(), EPS);
    }

    @Test
    void severalModesAtOnce() throws Exception {
        Map<String, Ranker> modes = new LinkedHashMap<>();
        modes.put("fake", new FakeRanker());
        modes.put("empty", (t, q, text, d) -> List.of());
        List<EvalResult> results = new Evaluator(CORPUS).evaluate(modes);
        assertEquals(List.of("fake", "empty"), results.stream().map(EvalResult::mode).toList());
        assertEquals(3, results.get(1).scores(null, null).queries());
        assertEquals(0.0, results.get(1).scores(null, null).mrr10(), EPS);
        assertEquals("empty", results.get(1).rows().get(0).mode());
    }

    @Test
    void nullRankingIsABug() {
        assertThrows(IllegalStateException.class,
                () -> new Evaluator(CORPUS).evaluate("broken", (t, q, text, d) -> null));
    }
}
