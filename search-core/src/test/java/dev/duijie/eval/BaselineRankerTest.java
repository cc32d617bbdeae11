package dev.duijie.eval;

import dev.duijie.corpus.Corpus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.duijie.eval.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineRankerTest {
    private static final Corpus CORPUS = Corpus.of(
            List.of(result("R1", "梯度硬质合金涂层刀片", "CVD 涂层，寿命提高 2 倍。"),
                    result("R2", "氮化硅陶瓷基板", "导热 85 W/(m·K)，用于功率模块。"),
                    result("R3", "水稻抗倒伏育种", "矮秆品种，产量稳定。")),
            List.of(), List.of(), List.of(), Map.of(), List.of());

    @Test
    void ranksTheObviousMatchFirst() throws Exception {
        try (BaselineRanker ranker = new BaselineRanker(CORPUS)) {
            assertEquals("R1", ranker.rank(QueryType.NEED_RESULT, "N1", "硬质合金刀片总是崩刃", 50).get(0));
            assertEquals("R2", ranker.rank(QueryType.STAFF_QUERY, "Q1", "陶瓷基板 导热", 50).get(0));
            assertEquals("R3", ranker.rank(QueryType.STAFF_QUERY, "Q2", "水稻倒伏", 50).get(0));
            assertEquals(1, ranker.rank(QueryType.STAFF_QUERY, "Q1", "陶瓷基板 导热 刀片 水稻", 1).size());
        }
    }

    @Test
    void hasNoExperts() throws Exception {
        try (BaselineRanker ranker = new BaselineRanker(CORPUS)) {
            assertEquals(List.of(), ranker.rank(QueryType.NEED_EXPERT, "N1", "硬质合金刀片", 50));
        }
    }

    @Test
    void longQueryIsCappedNotRejected() throws Exception {
        // 10,000 distinct CJK characters: far over Lucene's 1024-clause limit unless capped.
        StringBuilder text = new StringBuilder("硬质合金刀片");
        for (int i = 0; text.length() < 10_000; i++) {
            text.append((char) (0x4E00 + i));
        }
        try (BaselineRanker ranker = new BaselineRanker(CORPUS)) {
            assertEquals(BaselineRanker.MAX_TERMS, ranker.terms(text.toString()).size());
            List<String> ids = ranker.rank(QueryType.NEED_RESULT, "N9", text.toString(), 50);
            assertEquals("R1", ids.get(0));
            assertTrue(ids.size() <= 3);
        }
    }

    @Test
    void punctuationOnlyQueryGivesEmptyList() throws Exception {
        try (BaselineRanker ranker = new BaselineRanker(CORPUS)) {
            assertEquals(List.of(), ranker.rank(QueryType.STAFF_QUERY, "Q9", "。，！？……——（）“”", 50));
            assertEquals(List.of(), ranker.rank(QueryType.STAFF_QUERY, "Q9", "   ", 50));
        }
    }
}
