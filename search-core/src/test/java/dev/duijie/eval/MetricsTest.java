package dev.duijie.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    private static final double EPS = 1e-9;

    @Test
    void perfectRankingScoresOne() {
        Map<String, Integer> grades = Map.of("a", 3, "b", 2, "c", 1, "d", 0);
        List<String> ranking = List.of("a", "b", "c", "d");
        assertEquals(1.0, Metrics.ndcgAt(ranking, grades, 10), EPS);
        assertEquals(1.0, Metrics.recallAt(ranking, grades, 50), EPS);
        assertEquals(1.0, Metrics.mrrAt(ranking, grades, 10), EPS);
        assertEquals(2.0 / 5, Metrics.precisionAt(ranking, grades, 5), EPS);
    }

    @Test
    void ndcgMatchesHandComputedValue() {
        // ranking c(0) a(3) b(2): DCG = 0/log2(2) + 7/log2(3) + 3/log2(4) = 4.416508 + 1.5 = 5.916508
        // ideal a b c:            IDCG = 7/log2(2) + 3/log2(3) + 0        = 7 + 1.892789 = 8.892789
        // nDCG = 5.916508 / 8.892789 = 0.665315
        Map<String, Integer> grades = Map.of("a", 3, "b", 2, "c", 0);
        assertEquals(0.665315, Metrics.ndcgAt(List.of("c", "a", "b"), grades, 10), 1e-6);
        // With k = 2 only c and a count, and the ideal is cut at 2 as well: 4.416508 / 8.892789.
        assertEquals(4.416508 / 8.892789, Metrics.ndcgAt(List.of("c", "a", "b"), grades, 2), 1e-6);
    }

    @Test
    void idealUsesJudgedDocsMissingFromTheRanking() {
        // Only b (grade 2) retrieved while a (grade 3) exists: 3 / (7 + 3/log2(3)).
        Map<String, Integer> grades = Map.of("a", 3, "b", 2);
        assertEquals(3 / (7 + 3 / (Math.log(3) / Math.log(2))), Metrics.ndcgAt(List.of("b"), grades, 10), EPS);
    }

    @Test
    void mrrIsReciprocalRankOfFirstRelevantWithinK() {
        Map<String, Integer> grades = Map.of("x", 1, "r", 2);
        // x has grade 1: not relevant, so the first relevant is r at rank 3.
        assertEquals(1.0 / 3, Metrics.mrrAt(List.of("x", "y", "r"), grades, 10), EPS);
        List<String> eleventh = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "r");
        assertEquals(0.0, Metrics.mrrAt(eleventh, grades, 10), EPS);
        assertEquals(1.0 / 11, Metrics.mrrAt(eleventh, grades, 11), EPS);
    }

    @Test
    void recallCountsRelevantOnly() {
        Map<String, Integer> grades = Map.of("a", 3, "b", 2, "c", 2, "d", 3, "e", 1);
        assertEquals(0.5, Metrics.recallAt(List.of("a", "e", "x", "c"), grades, 50), EPS);
        // Cut at 2: only a counts.
        assertEquals(0.25, Metrics.recallAt(List.of("a", "e", "x", "c"), grades, 2), EPS);
    }

    @Test
    void precisionDividesByK() {
        Map<String, Integer> grades = Map.of("a", 3, "b", 2);
        assertEquals(0.4, Metrics.precisionAt(List.of("a", "b"), grades, 5), EPS);
        assertEquals(0.2, Metrics.precisionAt(List.of("x", "a", "y", "z", "w", "b"), grades, 5), EPS);
    }

    @Test
    void judgedCountsZeroGradesAndDividesByK() {
        Map<String, Integer> grades = Map.of("a", 3, "b", 0);
        assertEquals(0.2, Metrics.judgedAt(List.of("a", "b"), grades, 10), EPS);
        assertEquals(0.1, Metrics.judgedAt(List.of("x", "b", "b", "y"), grades, 10), EPS);
        assertEquals(0.0, Metrics.judgedAt(List.of("x", "y"), grades, 10), EPS);
    }

    @Test
    void duplicatesCountOnce() {
        Map<String, Integer> grades = Map.of("a", 2, "b", 2);
        List<String> repeated = List.of("a", "a", "a", "a", "a");
        assertEquals(0.2, Metrics.precisionAt(repeated, grades, 5), EPS);
        assertEquals(0.5, Metrics.recallAt(repeated, grades, 50), EPS);
        // Only one a is gained: 3/1 over the ideal 3 + 3/log2(3).
        assertEquals(3 / (3 + 3 / (Math.log(3) / Math.log(2))), Metrics.ndcgAt(repeated, grades, 10), EPS);
        // A dropped copy takes no rank: b moves up to rank 2 and the ranking is perfect.
        assertEquals(1.0, Metrics.ndcgAt(List.of("a", "a", "b"), grades, 10), EPS);
        assertEquals(0.5, Metrics.mrrAt(List.of("x", "x", "a"), grades, 10), EPS);
    }

    @Test
    void emptyRankingScoresZero() {
        Map<String, Integer> grades = Map.of("a", 3);
        assertEquals(0.0, Metrics.ndcgAt(List.of(), grades, 10), EPS);
        assertEquals(0.0, Metrics.recallAt(List.of(), grades, 50), EPS);
        assertEquals(0.0, Metrics.mrrAt(List.of(), grades, 10), EPS);
        assertEquals(0.0, Metrics.precisionAt(List.of(), grades, 5), EPS);
    }

    @Test
    void gradeOneOnlyQueryHasGainButNothingRelevant() {
        Map<String, Integer> grades = Map.of("a", 1);
        assertFalse(Metrics.hasRelevant(grades));
        assertTrue(Metrics.hasRelevant(Map.of("a", 1, "b", 2)));
        assertEquals(1.0, Metrics.ndcgAt(List.of("a"), grades, 10), EPS);
        assertEquals(0.0, Metrics.recallAt(List.of("a"), grades, 50), EPS);
        assertEquals(0.0, Metrics.mrrAt(List.of("a"), grades, 10), EPS);
        assertEquals(0.0, Metrics.precisionAt(List.of("a"), grades, 5), EPS);
        // Nothing above grade 0: the ideal is 0 and so is nDCG.
        assertEquals(0.0, Metrics.ndcgAt(List.of("a"), Map.of("a", 0), 10), EPS);
    }

    @Test
    void rejectsNonPositiveK() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.ndcgAt(List.of(), Map.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> Metrics.precisionAt(List.of(), Map.of(), -1));
    }

    @Test
    void relevantThresholdIsTwo() {
        assertEquals(2, Metrics.RELEVANT_GRADE);
    }
}
